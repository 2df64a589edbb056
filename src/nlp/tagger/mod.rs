//! The sequence tagger: BILOU tags over entity classes, hashed features, an averaged structured
//! perceptron with first-order Viterbi decoding, and its compact model file.

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod lexemes;
pub mod model;
pub mod shape_model;
pub mod tags;
pub mod train;
pub mod viterbi;
pub mod weights;

pub use model::{Model, ModelError, Tagger};
pub mod consistency;
