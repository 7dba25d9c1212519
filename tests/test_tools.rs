//! The tools of `tests/common/tools.rs` are exactly those `build.rs` accepts in `GUONG_SKIP`,
//! so every tool a test needs can be skipped on request, and only those.

mod common;

use common::tools::Tool;

#[test]
fn build_script_knows_every_tool_tests_need() {
    let script = include_str!("../build.rs");
    let start = script.find("const TOOLS").expect("TOOLS in build.rs");
    let declaration = &script[start..start + script[start..].find(';').expect("end of TOOLS")];
    let listed: Vec<&str> = declaration.split('"').skip(1).step_by(2).collect();
    let ours: Vec<&str> = Tool::ALL.iter().map(|tool| tool.name()).collect();
    assert_eq!(listed, ours, "build.rs TOOLS and tests/common/tools.rs Tool::ALL must list the same tools");
    for name in listed {
        assert_eq!(Tool::named(name).name(), name);
    }
}
