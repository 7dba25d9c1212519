//! Organisational change (SPEC §8.2): which unit carries on a merged unit's models. A unit
//! with `successor` and `active_to` hands its models still running after `active_to` to its
//! successor, and so on along the chain.
//!
//! The chains are indexed once, when the corpus is assembled: each lookup ("which unit holds
//! this unit's models at date d") is a binary-lifting walk of O(log units) steps, however
//! long a chain is, so no rule becomes quadratic.

use std::collections::HashMap;

use crate::content::date::Date;
use crate::content::hierarchy::on_loops;
use crate::content::unit::Unit;

/// The successor chains of a registry, by unit index (registry order).
#[derive(Clone, Debug, Default)]
pub struct Succession {
    /// `jumps[k][u]`: the unit 2^k steps along the chain from `u` (`jumps[0]` is the direct
    /// successor: a known unit other than `u` itself).
    jumps: Vec<Vec<Option<u32>>>,
    /// The units whose direct successor is each unit, in registry order.
    predecessors: Vec<Vec<u32>>,
}

impl Succession {
    /// Indexes the chains of `units` (`index` maps ids to positions, first entry wins).
    pub fn new(units: &[Unit], index: &HashMap<String, usize>) -> Succession {
        let next: Vec<Option<u32>> = units
            .iter()
            .enumerate()
            .map(|(i, unit)| {
                let target = *index.get(unit.successor.as_deref()?)?;
                (target != i).then_some(target as u32)
            })
            .collect();
        let mut predecessors = vec![Vec::new(); units.len()];
        for (i, target) in next.iter().enumerate() {
            if let Some(target) = target {
                predecessors[*target as usize].push(i as u32);
            }
        }
        let levels = (usize::BITS - units.len().leading_zeros()).max(1) as usize;
        let mut jumps = vec![next];
        for k in 1..levels {
            let previous = &jumps[k - 1];
            let level = previous.iter().map(|step| step.and_then(|mid| previous[mid as usize])).collect();
            jumps.push(level);
        }
        Succession { jumps, predecessors }
    }

    /// The direct successor of unit `u`.
    pub fn successor(&self, u: usize) -> Option<usize> {
        self.jumps.first()?.get(u).copied().flatten().map(|s| s as usize)
    }

    /// The units whose direct successor is `u`.
    pub fn predecessors(&self, u: usize) -> impl Iterator<Item = usize> + '_ {
        self.predecessors.get(u).into_iter().flatten().map(|&p| p as usize)
    }

    /// The units on a loop of successors (O-SUCCESSOR), in registry order. Each unit is
    /// visited once.
    pub fn loops(&self) -> Vec<usize> {
        let Some(next) = self.jumps.first() else { return Vec::new() };
        on_loops(next).into_iter().enumerate().filter(|&(_, looped)| looped).map(|(u, _)| u).collect()
    }

    /// The unit holding the models of unit `u` that are still running at `until`: follow the
    /// chain while the current unit has a successor and closed (`active_to`) before `until`.
    ///
    /// Along a valid chain (O-SUCCESSOR: each successor closes no earlier than the unit before
    /// it) "closed before `until`" holds for a prefix of the chain, which is what the binary
    /// lifting relies on; on an invalid chain the answer is some unit of the chain.
    pub fn holder(&self, units: &[Unit], u: usize, until: Date) -> usize {
        let hands_on =
            |v: usize| self.successor(v).is_some() && units[v].active_to.is_some_and(|closed| closed < until);
        if !hands_on(u) {
            return u;
        }
        let mut current = u;
        for level in self.jumps.iter().rev() {
            if let Some(ahead) = level[current].map(|a| a as usize)
                && hands_on(ahead)
            {
                current = ahead;
            }
        }
        self.successor(current).unwrap_or(current)
    }
}

#[cfg(test)]
mod tests;
