//! Party organisations (`to-chuc.yml`) and the tree they form.

use serde::Serialize;

use crate::content::date::Date;
use crate::content::read::{code, date, string};
use crate::content::vocab::UnitKind;
use crate::parse::yaml::Node;

/// One party organisation.
#[derive(Clone, Debug, Serialize)]
pub struct Unit {
    pub id: String,
    pub kind: Option<UnitKind>,
    pub name: String,
    pub short_name: Option<String>,
    pub parent: Option<String>,
    pub sector: Option<String>,
    pub active_from: Option<Date>,
    pub active_to: Option<Date>,
    /// The unit's entry in `to-chuc.yml`, for positions.
    #[serde(skip)]
    pub node: Node,
}

impl Unit {
    /// Reads a unit entry; `None` without a readable id.
    pub fn read(node: &Node) -> Option<Unit> {
        Some(Unit {
            id: string(node, "id")?,
            kind: code(node, "kind", UnitKind::from_code),
            name: string(node, "name").unwrap_or_default(),
            short_name: string(node, "short_name"),
            parent: string(node, "parent"),
            sector: string(node, "sector"),
            active_from: date(node, "active_from"),
            active_to: date(node, "active_to"),
            node: node.clone(),
        })
    }

    /// The short name if given, else the full name.
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// Whether the unit exists at some point of `[from, to]`.
    pub fn active_between(&self, from: Date, to: Date) -> bool {
        self.active_from.is_none_or(|a| a <= to) && self.active_to.is_none_or(|b| b >= from)
    }

    /// Whether the unit is a base unit (đảng bộ cơ sở / chi bộ cơ sở).
    pub fn is_base(&self) -> bool {
        self.kind.is_some_and(UnitKind::is_base)
    }
}
