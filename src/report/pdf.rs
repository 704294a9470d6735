//! Lays a report's blocks out on pages and writes them as a tagged PDF: selectable text in an
//! embedded font (Atkinson Hyperlegible, subset), vector charts, page numbers, and a structure
//! tree (headings, paragraphs, tables, figures with their words) for screen readers.
//!
//! Layout happens first, into pages of drawing operations, so the footer can say "Page 1 of
//! 3"; drawing then follows the operations and ties each run of text to its place in the tree.

use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::configure::{ConfigurationBuilder, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use skrifa::MetadataProvider;

use super::{BlockDto, ReportDto};
use crate::error::{Error, Result};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Bold.ttf");

/// A face: krilla's handle for drawing, and its advances for measuring.
struct Face {
    font: Font,
    bytes: &'static [u8],
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        Face {
            font: Font::new(bytes.into(), 0).expect("the shipped font parses (tested)"),
            bytes,
        }
    }

    /// The width of `text` at `size` points: the sum of the glyphs' advances (kerning left
    /// out, so a measured line is never narrower than the drawn one).
    fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(f) = skrifa::FontRef::new(self.bytes) else {
            return 0.0;
        };
        let charmap = f.charmap();
        let metrics = f.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        let upem = self.font.units_per_em();
        let units: f32 = text
            .chars()
            .map(|c| {
                let g = charmap.map(c).unwrap_or_default();
                metrics.advance_width(g).unwrap_or(0.0)
            })
            .sum();
        units * size / upem
    }
}

struct Faces {
    regular: Face,
    bold: Face,
}

static FACES: LazyLock<Faces> = LazyLock::new(|| Faces {
    regular: Face::load(REGULAR),
    bold: Face::load(BOLD),
});

const MARGIN: f32 = 56.0;
const BOTTOM: f32 = 64.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 8.5;
const LEADING: f32 = 1.38;
const CHART_H: f32 = 150.0;

/// A level of the structure tree.
#[derive(Debug, Clone, Copy)]
enum Role {
    Title,
    H(u16),
    P,
    Caption,
    Table,
    Tr,
    Th,
    Td,
    Figure,
}

/// The structure tree as layout builds it; leaves are runs of content, by number.
enum S {
    Group(Role, Option<String>, Vec<S>),
    Leaf(usize),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ink {
    Black,
    Grey,
    Light,
}

impl Ink {
    fn rgb(self) -> rgb::Color {
        match self {
            Ink::Black => rgb::Color::new(20, 20, 20),
            Ink::Grey => rgb::Color::new(85, 85, 85),
            Ink::Light => rgb::Color::new(190, 190, 190),
        }
    }
}

/// A drawing operation, in page coordinates (top-left origin, y down).
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        ink: Ink,
        text: String,
    },
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        ink: Ink,
        dash: Option<Vec<f32>>,
    },
    /// A filled marker: circle, square or triangle (0, 1, 2) centred at (x, y).
    Mark { x: f32, y: f32, shape: usize },
}

/// What a run of operations is: part of the tree (`Some(leaf)`) or decoration.
type Run = (Option<usize>, Vec<Op>);

struct Layout {
    width: f32,
    height: f32,
    pages: Vec<Vec<Run>>,
    y: f32,
    leaves: usize,
    tree: Vec<S>,
    /// Each section's heading, page and height, for the PDF's bookmarks.
    outline: Vec<(String, usize, f32)>,
}

impl Layout {
    fn new(width: f32, height: f32) -> Layout {
        Layout {
            width,
            height,
            pages: vec![Vec::new()],
            y: MARGIN,
            leaves: 0,
            tree: Vec::new(),
            outline: Vec::new(),
        }
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn room(&mut self, h: f32) {
        if self.y + h > self.height - BOTTOM && self.y > MARGIN + 1.0 {
            self.new_page();
        }
    }

    fn leaf(&mut self, ops: Vec<Op>) -> S {
        let id = self.leaves;
        self.leaves += 1;
        self.pages
            .last_mut()
            .expect("there is always a page")
            .push((Some(id), ops));
        S::Leaf(id)
    }

    fn decoration(&mut self, ops: Vec<Op>) {
        self.pages
            .last_mut()
            .expect("there is always a page")
            .push((None, ops));
    }

    /// Lays out wrapped text at `x` within `width`, one leaf per line, moving down.
    fn text(&mut self, text: &str, x: f32, width: f32, size: f32, bold: bool, ink: Ink) -> Vec<S> {
        let face = if bold { &FACES.bold } else { &FACES.regular };
        let line_h = size * LEADING;
        let mut out = Vec::new();
        for line in wrap(face, text, size, width) {
            self.room(line_h);
            let baseline = self.y + size;
            out.push(self.leaf(vec![Op::Text {
                x,
                y: baseline,
                size,
                bold,
                ink,
                text: line,
            }]));
            self.y += line_h;
        }
        out
    }

    fn heading(&mut self, text: &str, level: u16) {
        let size = match level {
            1 => 20.0,
            2 => 14.5,
            _ => 11.5,
        };
        // Keep a heading with at least a few lines of what follows.
        self.room(size * LEADING + 4.0 * BODY * LEADING);
        self.y += if level == 2 { 10.0 } else { 5.0 };
        if level <= 2 {
            self.outline
                .push((text.to_owned(), self.pages.len() - 1, self.y));
        }
        let w = self.content_width();
        let kids = self.text(text, MARGIN, w, size, true, Ink::Black);
        let role = if level == 1 {
            Role::Title
        } else {
            Role::H(level)
        };
        self.tree.push(S::Group(role, Some(text.to_owned()), kids));
        self.y += 3.0;
    }

    fn paragraph(&mut self, text: &str, size: f32, ink: Ink) {
        let w = self.content_width();
        let mut kids = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if i > 0 && line.trim().is_empty() {
                continue;
            }
            kids.extend(self.text(line, MARGIN, w, size, false, ink));
        }
        self.tree.push(S::Group(Role::P, None, kids));
        self.y += size * 0.6;
    }

    fn table(&mut self, caption: &str, header: &[String], rows: &[Vec<String>]) {
        let cols = header.len().max(1);
        let widths = column_widths(header, rows, self.content_width());
        let pad = 4.0;
        let line_h = BODY * LEADING;
        let mut kids = Vec::new();
        if !caption.is_empty() {
            self.room(SMALL * LEADING + 3.0 * line_h);
            let w = self.content_width();
            let c = self.text(caption, MARGIN, w, SMALL, true, Ink::Grey);
            kids.push(S::Group(Role::Caption, None, c));
        }
        let lines_of = |cells: &[String], bold: bool| -> Vec<Vec<String>> {
            let face = if bold { &FACES.bold } else { &FACES.regular };
            (0..cols)
                .map(|i| {
                    let t = cells.get(i).map(String::as_str).unwrap_or("");
                    wrap(face, t, BODY, widths[i] - 2.0 * pad)
                })
                .collect()
        };
        let head_lines = lines_of(header, true);
        let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h + pad;
        let draw_row = |me: &mut Layout, cells: &[Vec<String>], bold: bool| -> S {
            let h = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * line_h + pad;
            let top = me.y;
            let mut x = MARGIN;
            let mut tds = Vec::new();
            for (i, lines) in cells.iter().enumerate() {
                let mut runs = Vec::new();
                for (k, l) in lines.iter().enumerate() {
                    runs.push(me.leaf(vec![Op::Text {
                        x: x + pad,
                        y: top + pad / 2.0 + BODY + k as f32 * line_h,
                        size: BODY,
                        bold,
                        ink: Ink::Black,
                        text: l.clone(),
                    }]));
                }
                let role = if bold { Role::Th } else { Role::Td };
                tds.push(S::Group(role, None, runs));
                x += widths[i];
            }
            me.y = top + h;
            me.decoration(vec![Op::Line {
                points: vec![(MARGIN, me.y), (MARGIN + me.content_width(), me.y)],
                width: if bold { 0.9 } else { 0.4 },
                ink: if bold { Ink::Black } else { Ink::Light },
                dash: None,
            }]);
            S::Group(Role::Tr, None, tds)
        };
        self.room(head_h + line_h + pad);
        let has_header = header.iter().any(|h| !h.is_empty());
        if has_header {
            kids.push(draw_row(self, &head_lines, true));
        }
        for r in rows {
            let cells = lines_of(r, false);
            let h = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h + pad;
            if self.y + h > self.height - BOTTOM {
                self.new_page();
                // The header again at the top of the new page, as decoration: the tree
                // already has it once.
                if has_header {
                    let before = self.leaves;
                    draw_row(self, &head_lines, true);
                    self.decorate_since(before);
                }
            }
            kids.push(draw_row(self, &cells, false));
        }
        self.tree.push(S::Group(Role::Table, None, kids));
        self.y += BODY * 0.8;
    }

    /// Turns the leaves laid out since `from` into decoration (a repeated table header).
    fn decorate_since(&mut self, from: usize) {
        for page in &mut self.pages {
            for run in page.iter_mut() {
                if run.0.is_some_and(|id| id >= from) {
                    run.0 = None;
                }
            }
        }
        self.leaves = from;
    }

    fn chart(
        &mut self,
        title: &str,
        alt: &str,
        (labels, at, ends): (&[String], &[f64], &[String]),
        lines: &[super::ChartLineDto],
        max: f64,
    ) {
        let legend_h = SMALL * LEADING + 6.0;
        let total = SMALL * LEADING + CHART_H + 2.0 * SMALL * LEADING + legend_h;
        self.room(total);
        let mut ops = Vec::new();
        let top = self.y;
        ops.push(Op::Text {
            x: MARGIN,
            y: top + SMALL,
            size: SMALL,
            bold: true,
            ink: Ink::Grey,
            text: title.to_owned(),
        });
        let axis_w = 22.0;
        let left = MARGIN + axis_w;
        let right = MARGIN + self.content_width() - 6.0;
        let ctop = top + SMALL * LEADING + 6.0;
        let cbottom = ctop + CHART_H;
        let max = if max > 0.0 { max } else { 1.0 };
        let y_of = |v: f64| cbottom - (v / max) as f32 * CHART_H;
        let step = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0]
            .into_iter()
            .find(|s| max / s <= 6.0)
            .unwrap_or(max / 5.0);
        let ticks = (max / step).floor() as u32;
        for k in 0..=ticks {
            let v = step * f64::from(k);
            let y = y_of(v);
            ops.push(Op::Line {
                points: vec![(left, y), (right, y)],
                width: if k == 0 { 0.8 } else { 0.3 },
                ink: if k == 0 { Ink::Grey } else { Ink::Light },
                dash: None,
            });
            let label = if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            };
            let w = FACES.regular.width(&label, SMALL);
            ops.push(Op::Text {
                x: left - 4.0 - w,
                y: y + SMALL / 3.0,
                size: SMALL,
                bold: false,
                ink: Ink::Grey,
                text: label,
            });
        }
        let x_of = |i: usize| {
            let f = at.get(i).copied().unwrap_or(0.5).clamp(0.0, 1.0) as f32;
            left + 6.0 + f * (right - left - 12.0)
        };
        // Under the axis: the span's first and last day at its ends (grey), then each point's
        // label where it is clear of those already placed.
        let label_y = cbottom + SMALL + 4.0;
        let mut taken: Vec<(f32, f32)> = Vec::new();
        let mut place = |ops: &mut Vec<Op>, text: &str, centre: f32, ink: Ink, force: bool| {
            let w = FACES.regular.width(text, SMALL);
            let x = (centre - w / 2.0).clamp(left, right - w);
            let clear = taken
                .iter()
                .all(|(a, b)| x + w + 6.0 <= *a || x >= *b + 6.0);
            if force || clear {
                taken.push((x, x + w));
                ops.push(Op::Text {
                    x,
                    y: label_y,
                    size: SMALL,
                    bold: false,
                    ink,
                    text: text.to_owned(),
                });
            }
        };
        let (first, last) = (left + 6.0, right - 6.0);
        if let [a, b] = ends {
            place(&mut ops, a, first, Ink::Grey, true);
            if b != a {
                place(&mut ops, b, last, Ink::Grey, true);
            }
        }
        for (i, l) in labels.iter().enumerate() {
            if ends.contains(l) {
                continue;
            }
            place(&mut ops, l, x_of(i), Ink::Black, false);
        }
        // Each line its own dash and marker, so they part in black and white and for
        // colour-blind readers alike.
        let dashes: [Option<Vec<f32>>; 3] = [None, Some(vec![5.0, 3.0]), Some(vec![1.2, 2.4])];
        for (li, line) in lines.iter().enumerate() {
            let mut segment: Vec<(f32, f32)> = Vec::new();
            let mut segments = Vec::new();
            for (i, v) in line.values.iter().enumerate() {
                match v {
                    Some(v) => segment.push((x_of(i), y_of(v.clamp(0.0, max)))),
                    None => {
                        if !segment.is_empty() {
                            segments.push(std::mem::take(&mut segment));
                        }
                    }
                }
            }
            if !segment.is_empty() {
                segments.push(segment);
            }
            for s in segments {
                if s.len() > 1 {
                    ops.push(Op::Line {
                        points: s.clone(),
                        width: 1.4,
                        ink: Ink::Black,
                        dash: dashes[li % 3].clone(),
                    });
                }
                if s.len() <= 40 {
                    for (x, y) in s {
                        ops.push(Op::Mark {
                            x,
                            y,
                            shape: li % 3,
                        });
                    }
                }
            }
        }
        // The legend.
        let ly = cbottom + 2.0 * SMALL * LEADING + 4.0;
        let mut lx = left;
        for (li, line) in lines.iter().enumerate() {
            ops.push(Op::Line {
                points: vec![(lx, ly - SMALL / 3.0), (lx + 22.0, ly - SMALL / 3.0)],
                width: 1.4,
                ink: Ink::Black,
                dash: dashes[li % 3].clone(),
            });
            ops.push(Op::Mark {
                x: lx + 11.0,
                y: ly - SMALL / 3.0,
                shape: li % 3,
            });
            ops.push(Op::Text {
                x: lx + 27.0,
                y: ly,
                size: SMALL,
                bold: false,
                ink: Ink::Black,
                text: line.name.clone(),
            });
            lx += 27.0 + FACES.regular.width(&line.name, SMALL) + 18.0;
        }
        let leaf = self.leaf(ops);
        self.tree
            .push(S::Group(Role::Figure, Some(alt.to_owned()), vec![leaf]));
        self.y = ly + 10.0;
    }
}

/// Column widths within `total`: each column's natural width (its widest cell, capped), then
/// scaled to fill the line.
fn column_widths(header: &[String], rows: &[Vec<String>], total: f32) -> Vec<f32> {
    let cols = header.len().max(1);
    let cap = total * 0.55;
    let natural: Vec<f32> = (0..cols)
        .map(|i| {
            let head = header
                .get(i)
                .map(|h| FACES.bold.width(h, BODY))
                .unwrap_or(0.0);
            let cells = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| FACES.regular.width(c, BODY))
                .fold(0.0, f32::max);
            (head.max(cells) + 10.0).clamp(30.0, cap)
        })
        .collect();
    let sum: f32 = natural.iter().sum();
    natural.iter().map(|w| w * total / sum).collect()
}

/// Breaks `text` into lines no wider than `width` at spaces; a word wider than a line is
/// broken between characters.
fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if face.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if face.width(word, size) <= width {
                line = word.to_owned();
                continue;
            }
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if face.width(&next, size) > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        lines.push(line);
    }
    if lines.iter().all(String::is_empty) {
        lines.truncate(1);
    }
    lines
}

fn lay_out(report: &ReportDto, width: f32, height: f32) -> Layout {
    let mut l = Layout::new(width, height);
    l.heading(&report.title, 1);
    l.paragraph(&report.range, BODY + 1.0, Ink::Black);
    if let Some(name) = &report.name {
        l.paragraph(&format!("Name: {name}"), BODY, Ink::Black);
    }
    l.paragraph(&report.prepared, BODY, Ink::Grey);
    for s in &report.sections {
        l.heading(&s.heading, 2);
        for b in &s.blocks {
            match b {
                BlockDto::Heading { text } => l.heading(text, 3),
                BlockDto::Paragraph { text } => l.paragraph(text, BODY, Ink::Black),
                BlockDto::Note { text } => l.paragraph(text, SMALL, Ink::Grey),
                BlockDto::Table {
                    caption,
                    header,
                    rows,
                } => l.table(caption, header, rows),
                BlockDto::Chart {
                    title,
                    alt,
                    labels,
                    x,
                    ends,
                    lines,
                    max,
                } => l.chart(title, alt, (labels, x, ends), lines, *max),
            }
        }
    }
    l
}

fn fill(ink: Ink) -> Fill {
    Fill {
        paint: ink.rgb().into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            ink,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            surface.set_fill(Some(fill(*ink)));
            let face = if *bold { &FACES.bold } else { &FACES.regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                face.font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Line {
            points,
            width,
            ink,
            dash,
        } => {
            let mut pb = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*x, *y);
                } else {
                    pb.line_to(*x, *y);
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: ink.rgb().into(),
                    width: *width,
                    line_cap: LineCap::Round,
                    dash: dash.as_ref().map(|a| StrokeDash {
                        array: a.clone(),
                        offset: 0.0,
                    }),
                    ..Default::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Mark { x, y, shape } => {
            let r = 2.4;
            let mut pb = PathBuilder::new();
            match shape {
                0 => {
                    // A circle from four curves.
                    let k = 0.5523 * r;
                    pb.move_to(x + r, *y);
                    pb.cubic_to(x + r, y + k, x + k, y + r, *x, y + r);
                    pb.cubic_to(x - k, y + r, x - r, y + k, x - r, *y);
                    pb.cubic_to(x - r, y - k, x - k, y - r, *x, y - r);
                    pb.cubic_to(x + k, y - r, x + r, y - k, x + r, *y);
                }
                1 => {
                    pb.move_to(x - r, y - r);
                    pb.line_to(x + r, y - r);
                    pb.line_to(x + r, y + r);
                    pb.line_to(x - r, y + r);
                }
                _ => {
                    pb.move_to(*x, y - r * 1.2);
                    pb.line_to(x + r * 1.2, y + r);
                    pb.line_to(x - r * 1.2, y + r);
                }
            }
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(Ink::Black)));
                surface.draw_path(&path);
            }
        }
    }
}

fn tag_of(role: Role, words: Option<String>) -> TagKind {
    match role {
        Role::Title => Tag::Title.into(),
        Role::H(level) => Tag::Hn(
            std::num::NonZeroU16::new(level).expect("levels start at 1"),
            words,
        )
        .into(),
        Role::P => Tag::P.into(),
        Role::Caption => Tag::Caption.into(),
        Role::Table => Tag::Table.into(),
        Role::Tr => Tag::TR.into(),
        Role::Th => Tag::TH(TableHeaderScope::Column).into(),
        Role::Td => Tag::TD.into(),
        Role::Figure => Tag::Figure(words).into(),
    }
}

fn to_node(s: S, ids: &mut [Option<Identifier>]) -> Option<Node> {
    match s {
        S::Leaf(i) => ids.get_mut(i).and_then(Option::take).map(Node::from),
        S::Group(role, words, kids) => {
            let children: Vec<Node> = kids.into_iter().filter_map(|k| to_node(k, ids)).collect();
            if children.is_empty() {
                return None;
            }
            Some(TagGroup::with_children(tag_of(role, words), children).into())
        }
    }
}

/// A report written as a PDF.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The report as a PDF on `report.paper`.
pub fn render(report: &ReportDto) -> Result<Pdf> {
    // PDF/UA-1 first; should the person's words hold a character the font cannot show (it
    // would have no glyph, which the standard forbids), still a tagged PDF, just not
    // claiming the standard.
    match render_with(report, true) {
        Ok(b) => Ok(b),
        Err(_) => render_with(report, false),
    }
}

fn render_with(report: &ReportDto, ua: bool) -> Result<Pdf> {
    let paper = if report.paper == "letter" {
        super::Paper::Letter
    } else {
        super::Paper::A4
    };
    let (w, h) = paper.size();
    let layout = lay_out(report, w, h);
    let mut configuration = ConfigurationBuilder::new();
    if ua {
        configuration =
            configuration.set_validator(Validator::Ua(krilla::configure::Accessibility::UA1));
    }
    let settings = SerializeSettings {
        configuration: configuration
            .finish()
            .map_err(|_| Error::invalid("report", "the PDF settings do not agree"))?,
        enable_tagging: true,
        ..Default::default()
    };
    let mut doc = Document::new_with(settings);
    let pages = layout.pages.len();
    let mut ids: Vec<Option<Identifier>> = (0..layout.leaves).map(|_| None).collect();
    let footer_left = format!("{}, {}", report.title, report.range);
    for (i, runs) in layout.pages.iter().enumerate() {
        let mut page =
            doc.start_page_with(PageSettings::from_wh(w, h).expect("paper sizes are positive"));
        let mut surface = page.surface();
        for (leaf, ops) in runs {
            let tag = match leaf {
                Some(_) => {
                    if matches!(ops.first(), Some(Op::Text { .. })) && ops.len() == 1 {
                        ContentTag::Span(SpanTag::empty())
                    } else {
                        ContentTag::Other
                    }
                }
                None => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
            };
            let id = surface.start_tagged(tag);
            for op in ops {
                draw(&mut surface, op);
            }
            surface.end_tagged();
            if let Some(leaf) = leaf {
                ids[*leaf] = Some(id);
            }
        }
        let footer = [
            Op::Text {
                x: MARGIN,
                y: h - BOTTOM / 2.0,
                size: SMALL,
                bold: false,
                ink: Ink::Grey,
                text: footer_left.clone(),
            },
            {
                let t = format!("Page {} of {}", i + 1, pages);
                let tw = FACES.regular.width(&t, SMALL);
                Op::Text {
                    x: w - MARGIN - tw,
                    y: h - BOTTOM / 2.0,
                    size: SMALL,
                    bold: false,
                    ink: Ink::Grey,
                    text: t,
                }
            },
        ];
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::PageNumber,
        )));
        for op in &footer {
            draw(&mut surface, op);
        }
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some("en".into()));
    for s in layout.tree {
        if let Some(n) = to_node(s, &mut ids) {
            tree.push(n);
        }
    }
    doc.set_tag_tree(tree);
    let mut outline = Outline::new();
    for (text, page, y) in &layout.outline {
        outline.push_child(OutlineNode::new(
            text.clone(),
            XyzDestination::new(*page, Point::from_xy(0.0, *y)),
        ));
    }
    doc.set_outline(outline);
    doc.set_metadata(
        Metadata::new()
            .title(format!("{}, {}", report.title, report.range))
            .language("en".into())
            .creator("Keel".into()),
    );
    let bytes = doc
        .finish()
        .map_err(|_| Error::invalid("report", "the PDF could not be written"))?;
    Ok(Pdf { bytes, pages })
}
