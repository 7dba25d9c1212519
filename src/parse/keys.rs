//! Mapping keys shared between trees: a site's front matter repeats the same few hundred
//! field names hundreds of thousands of times, so each thread keeps one copy of every short
//! key it has seen and the trees point to it instead of holding a string each.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

/// Longest key shared; a longer one is rare and kept on its own.
const MAX_SHARED_LEN: usize = 48;

/// Distinct keys shared per thread: bounds what hostile input can make a thread keep.
const MAX_SHARED: usize = 4096;

thread_local! {
    static SHARED: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// The key `text`, shared with every equal key seen before on this thread.
pub fn share(text: &str) -> Arc<str> {
    if text.len() > MAX_SHARED_LEN {
        return Arc::from(text);
    }
    SHARED.with_borrow_mut(|shared| match shared.get(text) {
        Some(key) => Arc::clone(key),
        None => {
            let key: Arc<str> = Arc::from(text);
            if shared.len() < MAX_SHARED {
                shared.insert(Arc::clone(&key));
            }
            key
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_short_keys_share_one_string() {
        let a = share("title");
        let b = share("title");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*a, "title");
        assert!(!Arc::ptr_eq(&a, &share("summary")));
    }

    #[test]
    fn long_keys_are_kept_apart() {
        let long: Box<str> = "k".repeat(MAX_SHARED_LEN + 1).into();
        let a = share(&long);
        let b = share(&long);
        assert!(!Arc::ptr_eq(&a, &b));
        assert_eq!(*a, *long);
    }
}
