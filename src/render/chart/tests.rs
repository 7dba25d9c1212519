use super::*;

fn bar(label: &str, value: f64, of: Option<f64>) -> Bar {
    Bar { label: label.into(), value, value_text: value.to_string(), of }
}

#[test]
fn bar_chart_scales_to_the_largest_bar_and_says_its_numbers() {
    let svg = bar_chart("Mô hình theo cách thức", &[bar("Xây dựng mới", 4.0, None), bar("Nhân rộng", 1.0, None)]);
    assert!(svg.starts_with(
        r#"<svg class="chart chart-bars" role="img" aria-label="Mô hình theo cách thức: Xây dựng mới 4; Nhân rộng 1""#
    ));
    assert!(svg.contains("<title>Mô hình theo cách thức: Xây dựng mới 4; Nhân rộng 1</title>"));
    assert!(svg.contains(r#"class="chart-bar" x="0" y="20" width="80.00%""#));
    assert!(svg.contains(r#"class="chart-bar" x="0" y="60" width="20.00%""#));
    assert!(svg.contains(r#"<text class="chart-value" x="20.00%" dx="6" y="72""#));
    assert!(svg.ends_with("</svg>"));
}

#[test]
fn part_of_a_whole_shows_the_rest_and_zero_draws_nothing() {
    let svg = bar_chart("Độ phủ", &[bar("ĐB A", 3.0, Some(4.0)), bar("CB B", 0.0, Some(2.0))]);
    assert!(svg.contains(r#"class="chart-rest" x="0" y="20" width="80.00%""#));
    assert!(svg.contains(r#"class="chart-bar" x="0" y="20" width="60.00%""#));
    assert!(svg.contains(r#"class="chart-bar" x="0" y="60" width="0.00%""#));
    let empty = bar_chart("Trống", &[bar("A", 0.0, None)]);
    assert!(empty.contains(r#"width="0.00%""#));
}

#[test]
fn labels_are_escaped_and_long_ones_shortened() {
    let long = "Cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân, khách hàng";
    let svg = bar_chart("<b>&", &[bar(long, 1.0, None)]);
    assert!(svg.contains("aria-label=\"&lt;b&gt;&amp;: Cải cách"));
    assert!(svg.contains(">Cải cách hành chính, nâng cao chất lượng…</text>"));
    assert_eq!(shorten("Ngắn", 44), "Ngắn");
}

#[test]
fn indicator_chart_draws_baseline_values_and_target() {
    let column = |name: &str, label: &str, sub: &str, value: f64, kind| Column {
        name: name.into(),
        label: label.into(),
        sublabel: sub.into(),
        value,
        value_text: value.to_string().replace('.', ","),
        kind,
    };
    let svg = indicator_chart(
        "Tỷ lệ hài lòng (%)",
        &[
            column("trước khi thực hiện", "Trước", "thực hiện", 70.0, ColumnKind::Baseline),
            column("6 tháng đầu năm 2023", "6 tháng", "2023", 86.5, ColumnKind::Reported),
        ],
        Some((100.0, "100")),
    );
    assert!(svg.contains(
        r#"aria-label="Tỷ lệ hài lòng (%). trước khi thực hiện: 70; 6 tháng đầu năm 2023: 86,5; mục tiêu: 100""#
    ));
    assert!(svg.contains(r#"<rect class="chart-baseline" x="12.50%""#));
    assert!(svg.contains(r#"<rect class="chart-bar" x="62.50%""#));
    assert!(svg.contains(">Mục tiêu 100</text>"));
    assert!(svg.contains(">6 tháng</text>"));
    let target_y = 164.0 - 100.0 / 110.0 * 142.0;
    assert!(svg.contains(&format!(r#"y1="{target_y:.1}""#)));
}
