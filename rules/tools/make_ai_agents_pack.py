#!/usr/bin/env python3
"""Builds rules/packs/ai-agents.yaml from the ai-robots-txt agent list.

Usage: rules/tools/make_ai_agents_pack.py [ROBOTS_JSON] [SOURCE_MD] > rules/packs/ai-agents.yaml

Input: robots.json of github.com/ai-robots-txt/ai.robots.txt (MIT) and the SOURCE.md next to it,
which names the commit and date the copy was taken at. Each token keeps its operator and gets a
purpose (training / search / user-triggered / other) read from the list's "function" text, and
"honours_robots" (yes / no / unknown) from its "respect" text. Tokens that differ only in case
are merged (robots.txt matching is case-insensitive). Facts from exposcan's knowledge base
(KNOWLEDGE.md §A: the major agents' purposes, Meta-ExternalFetcher and Perplexity-User not
honouring robots.txt, Bytespider reported not to, Bing's noarchive) override the list and are
marked as such. Output is deterministic (sorted by token, major agents first).
"""
import json
import re
import sys

ROBOTS_JSON = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ai-robots-txt/robots.json"
SOURCE_MD = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/ai-robots-txt/SOURCE.md"

KB = "exposcan knowledge base (KNOWLEDGE.md §A, Oct 2026)"

# token: (operator, purpose, honours_robots, honours, note)
OVERRIDES = {  # in the order reasons list them
    "GPTBot": ("OpenAI", "training", "yes", [], "training crawler"),
    "ClaudeBot": ("Anthropic", "training", "yes", [], "training crawler"),
    "CCBot": ("Common Crawl", "training", "yes", [], "open archive used widely for training"),
    "Google-Extended": ("Google", "training", "yes", [], "control token (no fetcher) for Gemini/Vertex AI training"),
    "Meta-ExternalAgent": ("Meta", "training", "yes", [], "training and indexing"),
    "Applebot-Extended": ("Apple", "training", "yes", [], "control token (no fetcher) for Apple's model training"),
    "FacebookBot": ("Meta", "training", "yes", [], "speech language-model training"),
    "Bytespider": ("ByteDance", "training", "no", [], "LLM training; reported not to honour robots.txt"),
    "cohere-training-data-crawler": ("Cohere", "training", "unknown", [], "training crawler; robots.txt compliance unclear"),
    "OAI-SearchBot": ("OpenAI", "search", "yes", [], "search crawler"),
    "ChatGPT-User": ("OpenAI", "user-triggered", "unknown", [], "user-triggered fetches; OpenAI says robots.txt may not apply"),
    "Claude-SearchBot": ("Anthropic", "search", "yes", [], "search crawler"),
    "Claude-User": ("Anthropic", "user-triggered", "yes", [], "user-triggered fetches"),
    "Meta-ExternalFetcher": ("Meta", "user-triggered", "no", [], "user-triggered fetches; Meta's docs say it may bypass robots.txt"),
    "facebookexternalhit": ("Meta", "other", "unknown", [], "link previews; whether it honours robots.txt is disputed"),
    "PerplexityBot": ("Perplexity", "search", "yes", [], "search crawler"),
    "Perplexity-User": ("Perplexity", "user-triggered", "no", [], "user-triggered fetches; does not honour robots.txt"),
    "Amazonbot": ("Amazon", "other", "yes", [], "Alexa and service improvement"),
}

EXTRA = [
    {"token": "bingbot", "operator": "Microsoft", "purpose": "search", "honours_robots": "yes",
     "honours": ["noarchive", "nocache"], "major": True,
     "description": "Bing's crawler. Since Sept 2023, noarchive keeps content out of Microsoft's generative-model "
                    "training and nocache limits use to URL, title and snippet.",
     "source": KB},
]


def clean_operator(text):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()
    if text.lower().startswith("unclear") or text.lower() == "unknown":
        return "unknown"
    return text.rstrip(".")


def link_of(text):
    m = re.search(r"\((https?://[^)]+)\)", text)
    return m.group(1) if m else ""


def honours(respect):
    r = re.sub(r"^\[", "", respect.strip()).lower()
    if r.startswith("yes"):
        return "yes"
    if r.startswith("no"):
        return "no"
    return "unknown"


def purpose(function, description):
    """The agent's purpose as the list documents it.

    "training" only when the text says the data trains models (train/training, machine-learning
    models, datasets for machine learning or LLMs). Not from the list's category alone ("AI Data
    Scrapers" with "Description unavailable" or "not currently known to be ... AI-related"), and
    for general-purpose tools ("a variety of uses including training AI", e.g. Scrapy) only when
    the description itself documents training.
    """
    f = function.lower()
    d = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", description).lower()
    if "undocumented" in f:
        return "other"
    if re.search(r"\bsearch\b", f) and "train" not in f:
        return "search"
    for w in ("ai assistants", "ai agents", "coding agents", "user prompts", "user-initiated", "user queries",
              "when prompted by a user"):
        if w in f:
            return "user-triggered"
    if "description unavailable" in d or "not currently known to be artificially intelligent" in d:
        return "other"  # only the list's category is known
    text = d if "variety of uses" in f else f + " " + d
    if (re.search(r"\btrain(?:s|ed|ing)?\b", text) or "machine learning models" in text
            or (re.search(r"\bdatasets?\b", text) and re.search(r"machine learning|\bllms?\b", text))):
        return "training"
    return "other"


def quote(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    with open(ROBOTS_JSON, encoding="utf-8") as f:
        data = json.load(f)
    with open(SOURCE_MD, encoding="utf-8") as f:
        source_md = f.read()
    commit = re.search(r"commit ([0-9a-f]{40})", source_md).group(1)
    date = re.search(r"\((\d{1,2} \w+ \d{4})\)", source_md).group(1)
    list_source = "ai-robots-txt/ai.robots.txt@" + commit[:12] + " (" + date + ")"

    merged = {}
    for token, info in data.items():
        key = token.lower()
        entry = {
            "token": token,
            "operator": clean_operator(info.get("operator", "")),
            "purpose": purpose(info.get("function", ""), info.get("description", "")),
            "honours_robots": honours(info.get("respect", "")),
            "honours": [],
            "major": False,
            "description": re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", info.get("description", "")).strip(),
            "source": list_source + (("; " + link_of(info.get("respect", ""))) if link_of(info.get("respect", "")) else ""),
        }
        old = merged.get(key)
        # Prefer the spelling with a known operator (the list has e.g. meta-externalagent twice).
        if old is None or (old["operator"] == "unknown" and entry["operator"] != "unknown"):
            if old is not None and old["token"] != token and any(c.isupper() for c in old["token"]):
                entry["token"] = old["token"]
            merged[key] = entry
    for token, (op, purp, hon, extra, note) in OVERRIDES.items():
        e = merged.get(token.lower())
        if e is None:
            continue
        e.update({"token": token, "operator": op, "purpose": purp, "honours_robots": hon, "honours": extra,
                  "major": True})
        e["description"] = note[0].upper() + note[1:] + ". " + e["description"]
        e["source"] = KB + "; " + e["source"]
    agents = sorted(merged.values(), key=lambda a: a["token"].lower())
    order = {t.lower(): i for i, t in enumerate(OVERRIDES)}
    major = sorted((a for a in agents if a["major"]), key=lambda a: order[a["token"].lower()])
    agents = major + EXTRA + [a for a in agents if not a["major"]]

    out = []
    out.append("# Generated by rules/tools/make_ai_agents_pack.py from " + list_source + "; do not edit by hand.")
    out.append("# Regenerate: python3 rules/tools/make_ai_agents_pack.py > rules/packs/ai-agents.yaml")
    out.append("pack: ai-agents")
    out.append("version: 1.1.0")
    out.append("min_exposcan_version: 0.1.0")
    out.append("title: AI crawler and agent tokens")
    out.append("description: " + quote(
        "The robots.txt product tokens of AI crawlers and agents, with operator, purpose (training, search, "
        "user-triggered, other), whether each is documented to honour robots.txt, and which other opt-out signals "
        "it is documented to honour. No major AI vendor documents honouring noai or noimageai."))
    out.append("source:")
    out.append("  list: " + quote("https://github.com/ai-robots-txt/ai.robots.txt"))
    out.append("  commit: " + commit)
    out.append("  date: " + quote(date))
    out.append("  licence: MIT")
    out.append("  overrides: " + quote(KB))
    out.append("agents:")
    for a in agents:
        out.append("  - token: " + quote(a["token"]))
        out.append("    operator: " + quote(a["operator"]))
        out.append("    purpose: " + a["purpose"])
        out.append("    honours_robots: " + quote(a["honours_robots"]))
        if a["honours"]:
            out.append("    honours: [" + ", ".join(a["honours"]) + "]")
        if a["major"]:
            out.append("    major: true")
        if a["description"]:
            out.append("    description: " + quote(a["description"]))
        out.append("    source: " + quote(a["source"]))
    print("\n".join(out))


if __name__ == "__main__":
    main()
