//! Tokenizer and sentence splitter for German and English news; every token keeps its byte span.
