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
    /// The committee's name as written in document headers (`committee`), when given; see
    /// [`Unit::committee`] for the default.
    pub committee_name: Option<String>,
    pub parent: Option<String>,
    pub sector: Option<String>,
    pub active_from: Option<Date>,
    pub active_to: Option<Date>,
    /// The unit its models pass to after `active_to` (merged into, SPEC §8.2), if any.
    pub successor: Option<String>,
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
            committee_name: string(node, "committee"),
            parent: string(node, "parent"),
            sector: string(node, "sector"),
            active_from: date(node, "active_from"),
            active_to: date(node, "active_to"),
            successor: string(node, "successor"),
            node: node.clone(),
        })
    }

    /// The short name if given, else the full name.
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// The issuing committee's name (Tên cấp ủy, SPEC §8.2): `committee` when given, else the
    /// name with a leading "Đảng bộ" replaced by "Đảng ủy"; a chi bộ keeps its name.
    pub fn committee(&self) -> String {
        if let Some(name) = &self.committee_name {
            return name.clone();
        }
        match self.name.strip_prefix("Đảng bộ") {
            Some(rest) => format!("Đảng ủy{rest}"),
            None => self.name.clone(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml::parse_yaml;

    fn unit(yaml: &str) -> Unit {
        let node = parse_yaml(yaml, 1, "content/to-chuc.yml", &mut Vec::new()).unwrap();
        Unit::read(&node).unwrap()
    }

    #[test]
    fn committee_defaults_to_the_dang_uy_of_a_dang_bo_and_keeps_a_chi_bo() {
        assert_eq!(unit("id: db\nname: Đảng bộ Cục Thuế tỉnh\n").committee(), "Đảng ủy Cục Thuế tỉnh");
        assert_eq!(unit("id: cb\nname: Chi bộ Trường THPT Phú Hòa\n").committee(), "Chi bộ Trường THPT Phú Hòa");
        assert_eq!(unit("id: x\nname: Đảng bộ Khối\ncommittee: Ban Thường vụ\n").committee(), "Ban Thường vụ");
    }
}
