//! The unit tree (`parent` links of `to-chuc.yml`) indexed once when the corpus is
//! assembled, so that "is this unit below that one", "its base unit" and "its children" are
//! answered without walking the registry: a hostile registry (a chain of 14,000 units, a
//! cycle) keeps every check linear.
//!
//! A `parent` link that closes a cycle (O-CYCLE; a unit under itself is one) is cut at the
//! first unit of the cycle in registry order, so the index is always a forest; a link to an
//! unknown unit is no link.

use std::collections::HashMap;

/// The forest of units, by index in registry order.
#[derive(Clone, Debug, Default)]
pub struct Hierarchy {
    /// The parent of each unit in the forest.
    parent: Vec<Option<u32>>,
    /// The children of each unit, in registry order.
    children: Vec<Vec<u32>>,
    /// Position of each unit in a depth-first walk of the forest, and one past the last
    /// position of its subtree: `v` lies below `u` iff `enter[u] <= enter[v] < exit[u]`.
    enter: Vec<u32>,
    exit: Vec<u32>,
    /// The units in depth-first order.
    walk: Vec<u32>,
    /// The nearest unit (itself or an ancestor) for which `is_base` holds.
    base: Vec<Option<u32>>,
    /// Whether the unit's `parent` chain comes back to it.
    on_cycle: Vec<bool>,
}

impl Hierarchy {
    /// Indexes the units whose parents are `parents` (an id per unit, or none), with ids
    /// found through `index` (first entry wins) and base units marked by `is_base`.
    pub fn new(parents: &[Option<&str>], index: &HashMap<String, usize>, is_base: &[bool]) -> Hierarchy {
        let count = parents.len();
        let mut parent: Vec<Option<u32>> = parents.iter().map(|p| index.get((*p)?).map(|&p| p as u32)).collect();
        let on_cycle = cut_cycles(&mut parent);
        let mut children = vec![Vec::new(); count];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p as usize].push(i as u32);
            }
        }
        let (mut enter, mut exit, mut base) = (vec![0; count], vec![0; count], vec![None; count]);
        let mut walk = Vec::with_capacity(count);
        for root in (0..count).filter(|&u| parent[u].is_none()) {
            // (unit, whether its children were pushed): an explicit stack, however deep.
            let mut stack = vec![(root as u32, false)];
            while let Some((u, expanded)) = stack.pop() {
                let ui = u as usize;
                if expanded {
                    exit[ui] = walk.len() as u32;
                    continue;
                }
                enter[ui] = walk.len() as u32;
                walk.push(u);
                base[ui] = if is_base[ui] { Some(u) } else { parent[ui].and_then(|p| base[p as usize]) };
                stack.push((u, true));
                stack.extend(children[ui].iter().rev().map(|&c| (c, false)));
            }
        }
        Hierarchy { parent, children, enter, exit, walk, base, on_cycle }
    }

    /// The parent of unit `u`.
    pub fn parent(&self, u: usize) -> Option<usize> {
        self.parent.get(u).copied().flatten().map(|p| p as usize)
    }

    /// The children of unit `u`, in registry order.
    pub fn children(&self, u: usize) -> impl Iterator<Item = usize> + '_ {
        self.children.get(u).into_iter().flatten().map(|&c| c as usize)
    }

    /// Whether `v` is `u` or lies below it.
    pub fn in_subtree(&self, v: usize, u: usize) -> bool {
        let (Some(&at), Some(&from), Some(&to)) = (self.enter.get(v), self.enter.get(u), self.exit.get(u)) else {
            return false;
        };
        from <= at && at < to
    }

    /// The units of the subtree of `u` (itself included), in registry order.
    pub fn subtree(&self, u: usize) -> Vec<usize> {
        let (Some(&from), Some(&to)) = (self.enter.get(u), self.exit.get(u)) else { return Vec::new() };
        let mut units: Vec<usize> = self.walk[from as usize..to as usize].iter().map(|&v| v as usize).collect();
        units.sort_unstable();
        units
    }

    /// The base unit of `u`: itself or its nearest ancestor that is one.
    pub fn base(&self, u: usize) -> Option<usize> {
        self.base.get(u).copied().flatten().map(|b| b as usize)
    }

    /// Whether `u`'s `parent` chain comes back to it (O-CYCLE).
    pub fn on_cycle(&self, u: usize) -> bool {
        self.on_cycle.get(u).copied().unwrap_or(false)
    }
}

/// Marks the units on a cycle of `parent` links and cuts each cycle at its first unit in
/// registry order.
fn cut_cycles(parent: &mut [Option<u32>]) -> Vec<bool> {
    let on_cycle = on_loops(parent);
    let mut cut = vec![false; parent.len()];
    for start in 0..parent.len() {
        if !on_cycle[start] || cut[start] {
            continue;
        }
        // The first unit of a cycle not seen yet is its first in registry order: mark the
        // whole cycle, cut there.
        let mut u = start;
        while !cut[u] {
            cut[u] = true;
            u = parent[u].map_or(start, |p| p as usize);
        }
        parent[start] = None;
    }
    on_cycle
}

/// The entries of a list of links (`next[u]`: where `u` points) that lie on a loop of
/// links; each entry is visited once, however long the chains.
pub fn on_loops(next: &[Option<u32>]) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        No,
        OnPath,
        Done,
    }
    let count = next.len();
    let mut seen = vec![Seen::No; count];
    let mut looped = vec![false; count];
    for start in 0..count {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(u) = current.filter(|&u| seen[u] == Seen::No) {
            seen[u] = Seen::OnPath;
            path.push(u);
            current = next[u].map(|p| p as usize);
        }
        if let Some(u) = current.filter(|&u| seen[u] == Seen::OnPath) {
            for &p in &path[path.iter().position(|&p| p == u).unwrap_or(0)..] {
                looped[p] = true;
            }
        }
        for u in path {
            seen[u] = Seen::Done;
        }
    }
    looped
}

#[cfg(test)]
mod tests;
