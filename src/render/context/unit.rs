//! `/don-vi/` and `/don-vi/<id>/`: the organisation tree and one unit.

use serde::Serialize;

use crate::render::context::common::Link;
use crate::render::context::lists::ModelCard;
use crate::render::context::report::ReportRow;

/// `/don-vi/`: the unit tree in registry order (template `units.html`).
#[derive(Clone, Debug, Serialize)]
pub struct UnitsPage {
    /// Top-level units (normally the one root unit).
    pub roots: Vec<UnitNode>,
}

/// A unit in the tree, with its children.
#[derive(Clone, Debug, Serialize)]
pub struct UnitNode {
    pub link: Link,
    pub kind: Option<String>,
    /// Published models whose `org` is this unit.
    pub models: usize,
    /// "đã hợp nhất vào … từ ngày …" for a unit merged into a successor.
    pub merged_note: Option<String>,
    pub children: Vec<UnitNode>,
}

/// `/don-vi/<id>/`: one unit (template `unit.html`).
#[derive(Clone, Debug, Serialize)]
pub struct UnitPage {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: Option<String>,
    pub sector: Option<String>,
    pub parent: Option<Link>,
    pub active_from: Option<String>,
    pub active_to: Option<String>,
    /// The unit this one merged into (`successor`), and from when (SPEC §8.2: "Đã hợp nhất
    /// vào … từ ngày …").
    pub merged_into: Option<Merge>,
    /// The units merged into this one ("Tiếp nhận từ: …"), in registry order.
    pub taken_over: Vec<Merge>,
    /// Models of merged units this unit carries on (they ran past their unit's merge), in
    /// title order.
    pub carried_models: Vec<ModelCard>,
    /// Models carried by this unit itself, in title order (retired ones last, marked).
    pub models: Vec<ModelCard>,
    /// Whether the unit heads the whole tree (the Đảng bộ Khối): it carries no model of its own
    /// (M-ORG-ROOT), its units' models are the gallery's, its coverage counts its whole tree.
    pub heads_tree: bool,
    /// Models of the units below, by unit (registry order); only for base units and the
    /// units under them (the root lists its sub-units with counts instead).
    pub subunit_models: Vec<UnitModels>,
    /// Direct sub-units with the number of models in their subtree.
    pub children: Vec<UnitCount>,
    /// Reports filed by this unit, newest period first (empty when not published).
    pub reports: Vec<ReportRow>,
    /// The unit's coverage in each coverage year it was active, oldest first (SPEC §5).
    pub coverage: Vec<CoverageYear>,
}

/// One year of a unit's coverage: the models it counts and whether it met the rule that
/// every chi bộ and đảng bộ carries at least one model (HD §IV.1).
#[derive(Clone, Debug, Serialize)]
pub struct CoverageYear {
    pub year: i32,
    /// Models active in the year that the unit counts (its own and those it carries on).
    pub models: usize,
    /// "Có mô hình", "Chưa có mô hình", "Đã hợp nhất vào …" or empty (the root unit, or a
    /// unit whose model has invalid dates).
    pub state: String,
    /// Whether the unit lacked a model it had to carry.
    pub lacking: bool,
    /// Direct sub-units that lacked a model in the year, in registry order.
    pub subunits_without_model: Vec<Link>,
}

/// One merge: the other unit and the first day the successor carries its work (the day after
/// the merged unit's `active_to`), dd/mm/yyyy.
#[derive(Clone, Debug, Serialize)]
pub struct Merge {
    pub unit: Link,
    pub from: String,
}

/// The models of one sub-unit.
#[derive(Clone, Debug, Serialize)]
pub struct UnitModels {
    pub unit: Link,
    pub models: Vec<ModelCard>,
}

/// A unit with a count of models.
#[derive(Clone, Debug, Serialize)]
pub struct UnitCount {
    pub link: Link,
    pub kind: Option<String>,
    pub models: usize,
    /// "đã hợp nhất vào … từ ngày …" for a unit merged into a successor.
    pub merged_note: Option<String>,
}
