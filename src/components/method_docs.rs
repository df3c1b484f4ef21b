//! The docs of the selected method, all drawn from the emulator's catalog:
//! what it does, its parameters and return values, the version it appeared
//! in, an example request and how the playground emulates it.

use element_emulator::catalog::{self, FieldDoc, MethodDoc};
use element_emulator::versions;
use yew::prelude::*;

use super::code_block;
use super::prose::prose;

#[derive(Properties, PartialEq)]
pub struct MethodDocsProps {
    pub selected: Option<&'static str>,
    pub version: &'static str,
}

#[component]
pub fn MethodDocs(props: &MethodDocsProps) -> Html {
    let Some(doc) = props.selected.and_then(catalog::find) else {
        return html! {
            <article class="card docs" data-testid="method-docs">
                <p class="muted">{"Pick a method on the left to read its docs."}</p>
            </article>
        };
    };
    let available = versions::method_available(doc.name, props.version);
    let example = crate::request::template(doc, 1);

    html! {
        <article class="card docs" data-testid="method-docs" aria-labelledby="docs-title">
            <header class="docs-head">
                <h2 class="docs-title" id="docs-title">{doc.name}</h2>
                <div class="tags">
                    <span class="tag">{doc.group.title()}</span>
                    <span class="tag">{format!("since {}", doc.since)}</span>
                    if let Some(kind) = doc.result_type {
                        <span class="tag tag-async">{format!("starts a {kind} job")}</span>
                    }
                </div>
            </header>
            if !available {
                <p class="docs-warning" role="note">
                    {format!(
                        "Not available at endpoint {}: added in {}. Sending it there answers \
                         an error; pick a newer endpoint version to use it.",
                        props.version, doc.since
                    )}
                </p>
            }
            <p class="docs-summary">{prose(doc.summary)}</p>
            <h3>{"Parameters"}</h3>
            {params_table(doc)}
            <h3>{"Returns"}</h3>
            {returns_table(doc.returns)}
            <h3>{"Example request"}</h3>
            <pre class="code code-small">{code_block::json(&example)}</pre>
            if !doc.emulation_notes.is_empty() {
                <h3>{"In this playground"}</h3>
                <p class="docs-notes">{prose(doc.emulation_notes)}</p>
            }
        </article>
    }
}

/// Parameters as a two-column table, so it fits the docs column: each name
/// with its type, whether it is required and its default, then what it does.
fn params_table(doc: &MethodDoc) -> Html {
    if doc.params.is_empty() {
        return html! { <p class="muted">{"None: send an empty params object, or none."}</p> };
    }
    let rows = doc.params.iter().map(|field| {
        html! {
            <tr>
                <th scope="row">
                    <code class="field-name">{field.name}</code>
                    <span class="field-meta">
                        <span class="field-type">{field.ty}</span>
                        if field.required {
                            <span class="tag tag-required">{"required"}</span>
                        } else {
                            <span class="muted">{"optional"}</span>
                        }
                    </span>
                    if !field.default.is_empty() {
                        <span class="field-default">{format!("default: {}", field.default)}</span>
                    }
                </th>
                <td>{prose(field.description)}</td>
            </tr>
        }
    });
    fields_table("Parameter", rows.collect())
}

fn returns_table(fields: &[FieldDoc]) -> Html {
    if fields.is_empty() {
        return html! { <p class="muted">{"An empty result object."}</p> };
    }
    let rows = fields.iter().map(|field| {
        html! {
            <tr>
                <th scope="row">
                    <code class="field-name">{field.name}</code>
                    <span class="field-meta">
                        <span class="field-type">{field.ty}</span>
                    </span>
                </th>
                <td>{prose(field.description)}</td>
            </tr>
        }
    });
    fields_table("Member", rows.collect())
}

fn fields_table(first_column: &'static str, rows: Html) -> Html {
    html! {
        <table class="fields">
            <thead>
                <tr>
                    <th scope="col">{first_column}</th>
                    <th scope="col">{"Description"}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
