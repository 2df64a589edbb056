//! Turning files into documents: decoding, plain-text layout, castlist/1 JSON.
