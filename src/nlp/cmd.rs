//! The recognizer's commands: `tag` (append predicted tags to CoNLL-style tokens), `eval`
//! (score a model against gold corpora) and `train` (build a model from gold corpora).

mod stream;

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::cli::{CorpusFormat, LangArg};
use crate::document::Kind;
use crate::lexicon::wordlists;
use crate::nlp::corpus::{self, Format, score};
use crate::nlp::tagger::features::Groups;
use crate::nlp::tagger::features::Tables;
use crate::nlp::tagger::gazetteer::Gazetteer;
use crate::nlp::tagger::lexemes::Lexemes;
use crate::nlp::tagger::shape_model::NameLikeness;
use crate::nlp::tagger::{Model, clusters, train as trainer};

#[derive(Args, Debug)]
pub struct TagArgs {
    /// Token file (`-` or nothing for standard input): the token in the first column, a blank
    /// line between sentences, lines starting with `#` passed through.
    pub file: Option<String>,
    /// Model language (default: guessed from the first sentences).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Use this model file instead of the built-in one.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold files: NER corpora (GermEval, CoNLL, UNER, HIPE), or castlist/1 documents (.json)
    /// to score actor linking (B³) alone and end to end.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Model language (default: from the corpus format: GermEval and HIPE German, others English).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Corpus format (default: recognised from the file).
    #[arg(long, value_enum)]
    pub format: Option<CorpusFormat>,
    /// Use this model file instead of the built-in one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Score the tagger alone, without the document-level consistency pass.
    #[arg(long)]
    pub no_consistency: bool,
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Language of the model.
    #[arg(long, value_enum)]
    pub lang: LangArg,
    /// Gold corpora to train on (format recognised per file).
    #[arg(required = true)]
    pub corpora: Vec<PathBuf>,
    /// Gold corpora of another domain (e.g. historical newspapers) to train on as well: their
    /// features get a private copy that absorbs what is peculiar to them.
    #[arg(long)]
    pub auxiliary: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "model.bin")]
    pub out: PathBuf,
    /// Seed for the order in which sentences are visited.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Folder with the word lists (de_common_nouns.txt, given_names.tsv, …).
    #[arg(long, default_value = "assets/lexicons")]
    pub lexicons: PathBuf,
    /// Feature groups: `all`, a list (`word,shape`), or removals (`-clusters,-lexicon`).
    #[arg(long, default_value = "all")]
    pub features: String,
    /// Feature hash width in bits.
    #[arg(long, default_value_t = 20)]
    pub bits: u32,
    /// Drop weights whose magnitude is below this (perceptron update units).
    #[arg(long, default_value_t = 0.0)]
    pub prune: f32,
    /// Features seen in fewer training tokens than this get no weight.
    #[arg(long, default_value_t = 1)]
    pub min_count: u32,
    /// Passive-aggressive training with steps capped at this size (0: plain perceptron).
    #[arg(long, default_value_t = 0.0)]
    pub pa: f32,
    /// Train this many perceptrons (seeds seed, seed + 1, …) and average their weights.
    #[arg(long, default_value_t = 1)]
    pub ensemble: usize,
    /// Train without MISC spans (they become O).
    #[arg(long)]
    pub drop_misc: bool,
    /// Unlabelled text for word clusters besides the training corpora: corpus files whose
    /// tokens are used, not their tags.
    #[arg(long)]
    pub unlabelled: Vec<PathBuf>,
    /// Word clusters: words seen fewer times get none.
    #[arg(long, default_value_t = 3)]
    pub cluster_min_count: usize,
    /// Word clusters: how many frequent words serve as contexts.
    #[arg(long, default_value_t = 300)]
    pub cluster_contexts: usize,
    /// Word clusters: depth of the cluster tree (at most 12).
    #[arg(long, default_value_t = 12)]
    pub cluster_depth: u32,
    /// Word statistics from a large corpus (`word<TAB>Brown cluster<TAB>log probability`, as
    /// written by assets/models/fetch_spacy_lookups.sh) for the `brown` and `freq` features.
    #[arg(long)]
    pub lexemes: Option<PathBuf>,
    /// Keep this many of the most probable words of `--lexemes` in the model.
    #[arg(long, default_value_t = 300_000)]
    pub lexemes_top: usize,
    /// Score this gold file after every epoch (for tuning).
    #[arg(long)]
    pub dev: Vec<PathBuf>,
    /// Score the dev files without the document-level consistency pass.
    #[arg(long)]
    pub no_consistency: bool,
}

fn corpus_format(f: CorpusFormat) -> Format {
    match f {
        CorpusFormat::Germeval => Format::GermEval,
        CorpusFormat::Conll => Format::Conll,
        CorpusFormat::Uner => Format::Uner,
        CorpusFormat::Hipe => Format::Hipe,
    }
}

/// The model to use: a file if given, else the built-in one for the language.
fn load_model(
    path: Option<&PathBuf>,
    lang: LangArg,
) -> anyhow::Result<std::borrow::Cow<'static, Model>> {
    match path {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
            let model = Model::from_bytes(&bytes).with_context(|| format!("{}", path.display()))?;
            Ok(std::borrow::Cow::Owned(model))
        }
        None => crate::nlp::models::get(&lang.into())
            .map(std::borrow::Cow::Borrowed)
            .ok_or_else(|| anyhow::anyhow!("no built-in model for this language")),
    }
}

pub fn tag(args: TagArgs) -> anyhow::Result<()> {
    let name = args.file.clone().unwrap_or_else(|| "-".to_string());
    let display = if name == "-" {
        "standard input".to_string()
    } else {
        name.clone()
    };
    let input: Box<dyn BufRead> = if name == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&name).with_context(|| display.clone())?;
        Box::new(std::io::BufReader::with_capacity(1 << 16, file))
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    stream::run(input, &mut out, &display, args.lang, args.model.as_ref())?;
    out.flush().context("writing the output")?;
    Ok(())
}

pub(crate) fn model_for(
    path: Option<&PathBuf>,
    lang: LangArg,
) -> anyhow::Result<std::borrow::Cow<'static, Model>> {
    load_model(path, lang)
}

pub fn eval(args: EvalArgs) -> anyhow::Result<()> {
    // castlist/1 gold documents score the actors (linking and the whole analysis).
    if args
        .gold
        .iter()
        .all(|p| p.extension().is_some_and(|e| e == "json"))
    {
        if args.model.is_some() || args.format.is_some() || args.no_consistency {
            anyhow::bail!(
                "--model, --format and --no-consistency apply to NER corpora; castlist/1 gold \
                 (.json) is scored with the built-in models"
            );
        }
        return crate::actors::cmd::eval(&args.gold, args.lang.map(Into::into));
    }
    let mut out = std::io::stdout().lock();
    for path in &args.gold {
        let corpus = corpus::read(path, args.format.map(corpus_format))?;
        let lang = args.lang.unwrap_or(match corpus.format {
            Format::GermEval | Format::Hipe => LangArg::De,
            Format::Conll | Format::Uner => LangArg::En,
        });
        let model = load_model(args.model.as_ref(), lang)?;
        let scores = evaluate(&model, &corpus, !args.no_consistency);
        writeln!(
            out,
            "{} ({}, {} sentences, {} tokens)",
            corpus.name,
            corpus.format.name(),
            corpus.sentences.len(),
            corpus.tokens()
        )?;
        for s in &scores {
            writeln!(out, "\n{}:\n{s}", s.view().describe())?;
        }
    }
    Ok(())
}

/// The views a corpus is scored in: GermEval base and all classes; UNER and HIPE without MISC
/// where the corpus has none; CoNLL with the four base classes.
pub fn views(format: Format) -> &'static [score::View] {
    match format {
        Format::GermEval => &[score::View::Base, score::View::All],
        Format::Uner => &[score::View::NoMisc],
        Format::Hipe => &[score::View::Base],
        Format::Conll => &[score::View::Base],
    }
}

/// Scores a model on a corpus in the corpus's views.
/// With `consistency`, each document of the corpus gets the document-level second pass that
/// [`crate::nlp::recognise`] applies to articles.
pub fn evaluate(model: &Model, corpus: &corpus::Corpus, consistency: bool) -> Vec<score::Score> {
    let mut scores: Vec<score::Score> = views(corpus.format)
        .iter()
        .map(|v| score::Score::new(*v))
        .collect();
    let mut tagger = model.tagger();
    for doc in corpus.sentences.chunk_by(|a, b| a.doc == b.doc) {
        let mut predicted: Vec<Vec<corpus::Entity>> =
            doc.iter().map(|s| tagger.entities(&s.tokens)).collect();
        if consistency {
            let tokens: Vec<&[String]> = doc.iter().map(|s| s.tokens.as_slice()).collect();
            crate::nlp::tagger::consistency::apply(&tokens, &mut predicted);
        }
        for (s, p) in doc.iter().zip(&predicted) {
            for score in &mut scores {
                score.add(&s.entities, p);
            }
        }
    }
    scores
}

/// The script that makes the lexeme files.
const FETCH: &str = "assets/models/fetch_spacy_lookups.sh";

pub fn train(args: TrainArgs) -> anyhow::Result<()> {
    let german = args.lang == LangArg::De;
    let mut groups = Groups::parse(&args.features).map_err(anyhow::Error::msg)?;
    if args.lexemes.is_none() && groups.has(Groups::LEXEMES) {
        eprintln!(
            "note: without --lexemes (made by {FETCH}) the feature groups brown, brownpairs \
             and freq are left out"
        );
        groups = groups.without(Groups::LEXEMES);
    }
    if !(12..=24).contains(&args.bits) {
        anyhow::bail!("--bits {} is out of range (12 to 24)", args.bits);
    }
    let mut sentences = Vec::new();
    let mut sources = Vec::new();
    for path in &args.corpora {
        let corpus = corpus::read(path, None)?;
        eprintln!(
            "{}: {} ({} sentences, {} tokens)",
            corpus.name,
            corpus.format.name(),
            corpus.sentences.len(),
            corpus.tokens()
        );
        sources.push(file_name(path));
        sentences.extend(corpus.sentences);
    }
    let mut auxiliary = Vec::new();
    for path in &args.auxiliary {
        let corpus = corpus::read(path, None)?;
        sources.push(format!("{} (auxiliary)", file_name(path)));
        auxiliary.extend(corpus.sentences);
    }
    if args.drop_misc {
        for s in sentences.iter_mut().chain(&mut auxiliary) {
            s.entities.retain(|e| e.class.kind() != Kind::Misc);
        }
    }
    let entries = wordlists::load(&args.lexicons, german)?;
    let gazetteer = Gazetteer::build(&entries, german);
    let mut text: Vec<&[String]> = sentences
        .iter()
        .chain(&auxiliary)
        .map(|s| s.tokens.as_slice())
        .collect();
    let unlabelled: Vec<corpus::Corpus> = args
        .unlabelled
        .iter()
        .map(|p| corpus::read(p, None))
        .collect::<Result<_, _>>()?;
    for c in &unlabelled {
        text.extend(c.sentences.iter().map(|s| s.tokens.as_slice()));
    }
    let clusters = if groups.has(Groups::CLUSTERS) {
        let settings = clusters::Settings {
            min_count: args.cluster_min_count,
            contexts: args.cluster_contexts,
            depth: args.cluster_depth,
            ..clusters::Settings::default()
        };
        clusters::induce(&text, &settings)
    } else {
        clusters::Clusters::default()
    };
    let dev: Vec<corpus::Corpus> = args
        .dev
        .iter()
        .map(|p| corpus::read(p, None))
        .collect::<Result<_, _>>()?;
    let options = trainer::Options {
        lang: if german { "de" } else { "en" }.to_string(),
        about: format!(
            "trained on {} with seed {}, {} epochs, features {}, {} bits{}",
            sources.join(", "),
            args.seed,
            args.epochs,
            args.features,
            args.bits,
            if args.drop_misc { ", without MISC" } else { "" }
        ),
        epochs: args.epochs,
        seed: args.seed,
        bits: args.bits,
        groups,
        prune: args.prune,
        min_count: args.min_count,
        aggressiveness: args.pa,
        ensemble: args.ensemble,
    };
    let lexemes = match &args.lexemes {
        Some(path) if groups.has(Groups::LEXEMES) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{} (make it with {FETCH})", path.display()))?;
            Lexemes::parse(&text, args.lexemes_top)
                .with_context(|| format!("{}", path.display()))?
        }
        _ => Lexemes::default(),
    };
    let tables = Tables {
        gazetteer,
        clusters,
        names: NameLikeness::learn(&entries),
        lexemes,
    };
    let model = trainer::train(&sentences, &auxiliary, tables, &options, |epoch, model| {
        let mut line = format!("epoch {epoch}:");
        for corpus in &dev {
            for s in evaluate(model, corpus, !args.no_consistency) {
                let c = s.overall();
                line.push_str(&format!(
                    " {} {:?} P {:.2} R {:.2} F1 {:.2};",
                    file_name(std::path::Path::new(&corpus.name)),
                    s.view(),
                    100.0 * c.precision(),
                    100.0 * c.recall(),
                    100.0 * c.f1()
                ));
            }
        }
        eprintln!("{line}");
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("{}", args.out.display()))?;
    eprintln!(
        "{}: {} tags, {} weights, {} lexicon entries, {} clustered words, {} lexemes, {:.1} MB",
        args.out.display(),
        model.tags.len(),
        model.weights.len(),
        model.tables.gazetteer.table().len(),
        model.tables.clusters.table().len(),
        model.tables.lexemes.table().len(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
