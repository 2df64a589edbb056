//! Salience: each actor's share of the article's attention. Its mentions count by form (names
//! most, descriptors and derived forms less) and by place (the headline three times, the lead
//! twice), scaled by how far the actor spreads over the paragraphs. Shares sum to 1 (rounded
//! down, so never above).

use crate::document::{ActorIdx, Block, Document, Form, Role};

/// Salience per actor, for the document's (linked) mentions.
pub fn salience(doc: &Document, actors: usize) -> Vec<f64> {
    if actors == 0 {
        return Vec::new();
    }
    let article: Vec<&Block> = doc.blocks.iter().filter(|b| b.role.is_article()).collect();
    let lead = article
        .iter()
        .position(|b| b.role == Role::Paragraph)
        .unwrap_or(usize::MAX);
    // Each actor's weight becomes its share in place.
    let mut weight = vec![0.0; actors];
    // The paragraphs each actor is mentioned in, counted, and the last one counted: mentions
    // come in text order, so a paragraph is new to an actor when it is not that one.
    let mut blocks = vec![(0usize, usize::MAX); actors];
    let mut block = 0;
    for m in &doc.mentions {
        let Some(ActorIdx(a)) = m.actor else {
            continue;
        };
        while block + 1 < article.len() && article[block].span.end() <= m.span.start() {
            block += 1;
        }
        let inside = article.get(block).is_some_and(|b| b.span.covers(m.span));
        let place = match (inside, article.get(block).map(|b| b.role)) {
            (true, Some(Role::Title)) => 3.0,
            (true, _) if block == lead => 2.0,
            (true, _) => 1.0,
            (false, _) if article.is_empty() => 1.0,
            (false, _) => 0.25,
        };
        let form = match m.form {
            Form::Name => 1.0,
            Form::Descriptor => 0.75,
            Form::Derived | Form::Part | Form::Pronoun => 0.5,
        };
        weight[a] += place * form;
        let (count, last) = &mut blocks[a];
        if inside && *last != block {
            *last = block;
            *count += 1;
        }
    }
    let total_blocks = article.len().max(1) as f64;
    for (w, &(blocks, _)) in weight.iter_mut().zip(&blocks) {
        let spread = blocks as f64 / total_blocks;
        *w *= 0.5 + 0.5 * spread;
    }
    let sum: f64 = weight.iter().sum();
    if sum <= 0.0 {
        weight.fill(0.0);
        return weight;
    }
    for w in &mut weight {
        *w = (*w / sum * 10_000.0).floor() / 10_000.0;
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Kind, Mention, Origin, Span};

    fn mention(start: usize, end: usize, actor: usize, form: Form) -> Mention {
        Mention {
            span: Span::new(start, end),
            kind: Kind::Per,
            form,
            actor: Some(ActorIdx(actor)),
            origin: Origin::Model,
        }
    }

    #[test]
    fn headline_lead_and_spread_raise_salience_and_shares_sum_to_at_most_one() {
        // title 0..10, lead 11..20, two more paragraphs.
        let text = "Aaaa Bbbb.\nCccc Dddd\nEeee Aaaa\nFfff Aaaa".to_string();
        let block = |s, e, role| Block {
            span: Span::new(s, e),
            role,
        };
        let doc = Document {
            blocks: vec![
                block(0, 10, Role::Title),
                block(11, 20, Role::Paragraph),
                block(21, 30, Role::Paragraph),
                block(31, 40, Role::Paragraph),
            ],
            mentions: vec![
                mention(0, 4, 0, Form::Name),
                mention(11, 15, 1, Form::Name),
                mention(16, 20, 2, Form::Derived),
                mention(26, 30, 0, Form::Name),
                mention(36, 40, 0, Form::Name),
            ],
            text,
            ..Document::default()
        };
        let s = salience(&doc, 3);
        assert!(s[0] > s[1] && s[1] > s[2], "{s:?}");
        assert!(s.iter().all(|x| (0.0..=1.0).contains(x)));
        assert!(s.iter().sum::<f64>() <= 1.0);
        assert!(s.iter().sum::<f64>() > 0.999);
    }
}
