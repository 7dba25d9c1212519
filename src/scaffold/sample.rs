//! The starter site of `guong init`.
