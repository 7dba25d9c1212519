//! `guong serve`: build, serve on a local address, watch, rebuild, reload the browser.

use std::path::Path;

use crate::cli::Failure;
use crate::serve::{Options, ServeError, serve};

pub fn run(root: &Path, bind: &str, port: u16) -> Result<(), Failure> {
    let options = Options { root: root.to_path_buf(), bind: bind.to_owned(), port };
    serve(&options).map_err(|error| match error {
        ServeError::Usage(message) => Failure::Usage(message),
        ServeError::Io(message) => Failure::Io(message),
    })
}
