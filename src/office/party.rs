//! The Party document layout (HD 36-HD/VPTW) in Word: the two header blocks side by side,
//! the title, and "Nơi nhận" beside the signature block, from the same [`PartyDocument`] the
//! printed page shows.

use crate::derive::party_document::PartyDocument;
use crate::office::docx::{Align, Cell, Document, Paragraph, Run, Table};

fn centred(runs: Vec<Run>) -> Paragraph {
    Paragraph::new(runs).align(Align::Center).space_after(0)
}

/// Both header blocks, then the title and its subject line.
pub fn head(doc: &mut Document, d: &PartyDocument) {
    let mut issuer = Vec::new();
    if let Some(upper) = &d.upper {
        issuer.push(centred(vec![Run::new(upper).size(13)]));
    }
    issuer.push(centred(vec![Run::new(&d.committee).bold().size(13)]));
    issuer.push(centred(vec![Run::new("*")]));
    issuer.push(centred(vec![Run::new(&d.number).size(13)]));
    let motto = vec![
        centred(vec![Run::new(d.party).bold().underline().size(14)]),
        Paragraph::new(vec![Run::new("")]).space_after(6),
        Paragraph::new(vec![Run::new(&d.date_line).italic()]).align(Align::Right).space_after(0),
    ];
    doc.push(Table::layout(&[45, 55], vec![vec![Cell::new(issuer), Cell::new(motto)]]));
    doc.push(centred(vec![Run::new(d.title).bold().size(15)]).keep_next());
    doc.push(Paragraph::new(vec![Run::new(&d.subject).bold()]).align(Align::Center).space_after(12));
}

/// "Nơi nhận" at the bottom left, the signature block at the right: `T/M …`, the title,
/// room to sign, the name, each on its own line.
pub fn foot(doc: &mut Document, d: &PartyDocument) {
    let mut recipients = vec![Paragraph::new(vec![Run::new("Nơi nhận:").bold().italic().size(12)]).space_after(0)];
    for r in &d.recipients {
        recipients.push(Paragraph::new(vec![Run::new(format!("- {r}")).size(11)]).align(Align::Left).space_after(0));
    }
    let mut signature = vec![centred(vec![Run::new(&d.signature.on_behalf).bold()])];
    signature.push(centred(vec![Run::new(&d.signature.title).bold()]));
    for _ in 0..4 {
        signature.push(centred(vec![Run::new("")]));
    }
    signature.push(centred(vec![Run::new(d.signature.name.as_deref().unwrap_or_default()).bold()]));
    doc.push(Paragraph::new(vec![Run::new("")]).space_after(6));
    doc.push(Table::layout(&[50, 50], vec![vec![Cell::new(recipients), Cell::new(signature)]]));
}
