"""Forms and loose groups of inputs on a page: their field labels, buttons and output.

Calculators are often a <form>, sometimes inputs in a <div> driven by a script; both become a
Widget the matchers can test (numeric fields labelled income/rent/hours, a 'Beräkna' button).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

TEXT_INPUT_TYPES = {"", "text", "number", "range", "tel"}
CHOICE_INPUT_TYPES = {"checkbox", "radio"}


def normalize_space(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Widget:
    """A form, or a group of inputs outside any form (inline calculators)."""

    index: int
    fields: list[str]  # one label per text/number/select input
    numeric: int  # inputs that take numbers (type number/range, inputmode numeric, select)
    buttons: list[str]
    has_output: bool  # an <output>, or an element named result/resultat/summa
    text: str  # the widget's own text, truncated
    block: int  # the block that holds the widget
    action: str
    method: str
    chrome: bool
    node: LexborNode | None = field(default=None, repr=False, compare=False)


def _field_label(tree: LexborHTMLParser, node: LexborNode) -> str:
    attributes = node.attributes
    node_id = attributes.get("id")
    if node_id:
        label = tree.css_first(f'label[for="{node_id}"]') if '"' not in node_id else None
        if label is not None:
            return normalize_space(label.text(deep=True))
    parent = node.parent
    while parent is not None and parent.tag in ("span", "div", "p", "label"):
        if parent.tag == "label":
            return normalize_space(parent.text(deep=True))
        parent = parent.parent
    for key in ("aria-label", "placeholder", "title", "name", "id"):
        value = attributes.get(key)
        if value:
            return normalize_space(value.replace("_", " ").replace("-", " "))
    return ""


def _widget(tree: LexborHTMLParser, container: LexborNode, index: int) -> Widget | None:
    inputs = container.css("input, select, textarea")
    fields: list[str] = []
    numeric = 0
    for node in inputs:
        kind = (node.attributes.get("type") or "").lower()
        if node.tag == "input" and kind not in TEXT_INPUT_TYPES | CHOICE_INPUT_TYPES:
            continue
        if node.tag == "textarea":
            continue
        fields.append(_field_label(tree, node))
        if (
            kind in ("number", "range")
            or node.tag == "select"
            or (node.attributes.get("inputmode") or "") in ("numeric", "decimal")
        ):
            numeric += 1
    if not fields:
        return None
    buttons = [
        normalize_space(node.text(deep=True) or node.attributes.get("value") or "")
        for node in container.css("button, input[type=submit], input[type=button]")
    ]
    has_output = bool(
        container.css_first(
            "output, [id*=result], [class*=result], [id*=resultat], [class*=resultat], "
            "[id*=summa], [class*=summa], [aria-live]"
        )
    )
    return Widget(
        index=index,
        fields=fields,
        numeric=numeric,
        buttons=[b for b in buttons if b],
        has_output=has_output,
        text=normalize_space(container.text(deep=True, separator=" "))[:1500],
        block=-1,
        action=container.attributes.get("action") or "" if container.tag == "form" else "",
        method=(container.attributes.get("method") or "get").lower()
        if container.tag == "form"
        else "",
        chrome=False,
        node=container,
    )


def find_widgets(tree: LexborHTMLParser) -> list[Widget]:
    """Forms, plus the nearest container of inputs that sit outside any form."""
    containers: list[LexborNode] = list(tree.css("form"))
    seen = {node.mem_id for node in containers}
    for node in tree.css("input, select"):
        ancestor = node.parent
        in_form = False
        while ancestor is not None and ancestor.tag not in (None, "html", "body"):
            if ancestor.tag == "form":
                in_form = True
                break
            ancestor = ancestor.parent
        if in_form:
            continue
        container = node.parent
        for _ in range(6):
            if container is None or container.tag in ("body", "html", "main"):
                break
            if len(container.css("input, select")) >= 2 and container.css_first(
                "button, input[type=button], input[type=submit]"
            ):
                break
            container = container.parent
        if container is None or container.tag in ("body", "html") or container.mem_id in seen:
            continue
        seen.add(container.mem_id)
        containers.append(container)
    widgets: list[Widget] = []
    for container in containers:
        widget = _widget(tree, container, len(widgets))
        if widget is not None:
            widgets.append(widget)
    return widgets
