//! The domain as types: units, catalog, models, reports, pages, and the corpus that holds
//! them, read from positioned trees. A field that cannot be read becomes a diagnostic and a
//! missing value, never a panic.

pub mod catalog;
pub mod corpus;
pub mod criteria;
pub mod date;
pub mod evaluation;
pub mod forms;
pub mod hierarchy;
pub mod json_schema;
pub mod load;
pub mod model;
pub mod page;
pub mod period;
pub mod read;
pub mod reference;
pub mod report;
pub mod schema;
pub mod site_config;
pub mod succession;
pub mod suggest;
pub mod unit;
pub mod vocab;
