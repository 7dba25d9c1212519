//! What the request threads share with the site thread: the problem of the last failed
//! rebuild, the build generation, and the reload hub.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use crate::serve::live::Hub;
use crate::serve::overlay::Problem;

/// State shared by the server threads.
#[derive(Default)]
pub struct Shared {
    problem: RwLock<Option<Arc<Problem>>>,
    generation: AtomicU64,
    /// Pages listening for reloads.
    pub hub: Hub,
}

impl Shared {
    /// Why the latest rebuild failed, while it stays failed.
    pub fn problem(&self) -> Option<Arc<Problem>> {
        self.problem.read().ok().and_then(|p| p.clone())
    }

    /// The number of builds (good or failed) published so far.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Publishes a successful build: the overlay goes away, pages reload.
    pub fn built(&self) {
        self.publish(None);
    }

    /// Publishes a failed rebuild: the last good site stays, pages reload with the overlay.
    pub fn failed(&self, problem: Problem) {
        self.publish(Some(Arc::new(problem)));
    }

    fn publish(&self, problem: Option<Arc<Problem>>) {
        if let Ok(mut current) = self.problem.write() {
            *current = problem;
        }
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.hub.broadcast(generation);
    }
}
