//! The method list: every emulated method, grouped by purpose as the
//! catalog groups them. Methods the chosen endpoint version lacks stay
//! focusable but are greyed out and say which version added them.

use element_emulator::catalog::{self, Group, MethodDoc};
use element_emulator::versions;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MethodListProps {
    /// The endpoint version requests go to.
    pub version: &'static str,
    pub selected: Option<&'static str>,
    pub on_select: Callback<&'static str>,
}

#[component]
pub fn MethodList(props: &MethodListProps) -> Html {
    let groups = Group::ALL.into_iter().map(|group| {
        let docs = catalog::methods().iter().filter(move |doc| doc.group == group);
        let items = docs.map(|doc| method_item(doc, props)).collect::<Html>();
        let heading_id = format!("group-{group:?}");
        html! {
            <section class="method-group" aria-labelledby={heading_id.clone()}>
                <h3 class="method-group-title" id={heading_id}>{group.title()}</h3>
                <ul class="method-items">{items}</ul>
            </section>
        }
    });

    html! {
        <nav class="method-list" aria-label="Methods" data-testid="method-list">
            <h2 class="panel-title">{"Methods"}</h2>
            {for groups}
        </nav>
    }
}

/// One method's button: picking it shows its docs and fills the editor.
fn method_item(doc: &'static MethodDoc, props: &MethodListProps) -> Html {
    let available = versions::method_available(doc.name, props.version);
    let current = props.selected == Some(doc.name);
    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(doc.name))
    };

    let title = if available {
        format!("{}: since {}", doc.name, doc.since)
    } else {
        format!("added in {}; not at endpoint {}", doc.since, props.version)
    };
    let class = classes!(
        "method-item",
        current.then_some("is-current"),
        (!available).then_some("is-unavailable")
    );

    html! {
        <li>
            <button
                type="button"
                {class}
                data-testid={format!("method-{}", doc.name)}
                data-available={available.to_string()}
                aria-current={current.then_some("true")}
                {title}
                {onclick}
            >
                <span class="method-name">{doc.name}</span>
                // Still a button that shows the docs: say why it is grey, not that it is disabled.
                if !available {
                    <span class="visually-hidden">{format!(", added in {}", doc.since)}</span>
                }
                if doc.result_type.is_some() {
                    <span class="tag tag-async">{"async"}</span>
                }
            </button>
        </li>
    }
}
