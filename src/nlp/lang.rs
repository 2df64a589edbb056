//! Language identification per document.
