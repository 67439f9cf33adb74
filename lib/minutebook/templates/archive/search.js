// Search the archive with Pagefind: a hit is an item (§) of a meeting, linked to its anchor.
// One bundle per language (<folder>/<lang>/), each with its own stemming; results are listed
// for one language at a time (scores of two stemmers do not compare), the others counted.
// Result text is put in the page as text, never as HTML.
const config = JSON.parse(document.getElementById("mb-search-config").textContent);
const form = document.querySelector("form.mb-search");
const input = document.getElementById("mb-q");
const status = document.getElementById("mb-status");
const list = document.getElementById("mb-results");
const more = document.getElementById("mb-more");
const FILTERS = ["body", "year", "kind", "status"];
const say = (key, values = {}) =>
  config.labels[key].replace(/\{(\w+)\}/g, (_, k) => values[k]);

// A case reference (diarienummer) such as "KS 2024/0102": found by the items it is on,
// never by its numbers as words ("2024" is in every meeting of the year).
// Its letters are capitals ("KS", "SN"), so "beslut 2024/0102" keeps "beslut" as a word;
// its separator a slash or a colon, so a date (2024-03-15) or a decimal is not taken for one.
const CASE = /(?<![\p{L}\p{N}])(?:\p{Lu}{1,6}\s?)?\d{1,4}[/:]\d+(?![\p{L}\p{N}])/gu;
const squeeze = (text) => text.toLowerCase().replace(/\s+/g, "");

let engines = null;
async function load() {
  if (!engines) {
    engines = Object.fromEntries(await Promise.all(config.languages.map(async (lang) => {
      const pagefind = await import(`./${config.folder}/${lang}/pagefind.js`);
      await pagefind.options({ baseUrl: "/" });
      await pagefind.init();
      return [lang, { pagefind, cases: Object.keys((await pagefind.filters()).case || {}) }];
    })));
  }
  return engines;
}

function terms(text) {
  // Words of three characters or more; "S", "M." or "är" alone would match half the archive.
  return text.split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => [...word].length >= 3);
}

function parse(query) {
  const cases = (query.match(CASE) || []).map(squeeze);
  return { cases, words: terms(query.replace(CASE, " ")) };
}

// Pagefind never answers "nothing": a word in no record is cut shorter until something
// matches ("Skogsbrynet" becomes "S" and finds every Sandberg). A word counts only when the
// best record for it alone has a word that starts as it does (its stem, at least).
function alike(word, wanted) {
  let same = 0;
  while (same < word.length && same < wanted.length && word[same] === wanted[same]) same += 1;
  const need = wanted.length <= 4 ? wanted.length : Math.max(4, Math.ceil(wanted.length * 0.55));
  return same >= need;
}

async function exists(engine, word) {
  engine.known ??= new Map();
  if (!engine.known.has(word)) {
    engine.known.set(word, (async () => {
      const best = (await engine.pagefind.search(word)).results[0];
      if (!best) return false;
      const wanted = word.toLowerCase();
      const words = (await best.data()).content.toLowerCase().split(/[^\p{L}\p{N}]+/u);
      return words.some((w) => alike(w, wanted));
    })());
  }
  return engine.known.get(word);
}

async function run(engine, asked, choices) {
  const known = await Promise.all(asked.words.map((word) => exists(engine, word)));
  if (known.includes(false)) return [];
  const filters = {};
  for (const key of FILTERS) {
    if (choices[key]) filters[key] = choices[key];
  }
  if (asked.cases.length) {
    const any = engine.cases.filter((c) => asked.cases.every((wanted) => squeeze(c).includes(wanted)));
    if (!any.length) return [];
    filters.case = { any };
  }
  const sort = { newest: { newest: "desc" }, oldest: { oldest: "asc" } }[choices.sort];
  const query = asked.words.length ? asked.words.join(" ") : null;
  const found = await engine.pagefind.search(query, { filters, ...(sort ? { sort } : {}) });
  return found.results;
}

// The excerpt: where the words are, in the decision when they are in it.
function stems(words) {
  return words.map((w) => {
    const word = w.toLowerCase();
    return word.length > 5 ? word.slice(0, word.length - 2) : word;
  });
}

function excerpt(text, wanted, limit = 32, always = false) {
  // The words around the first hit, the hits marked; with ``always``, the start when none.
  const words = text.split(/\s+/).filter(Boolean);
  const stems = wanted.filter(Boolean);
  const hit = (word) => stems.some((stem) => word.toLowerCase().includes(stem));
  let first = words.findIndex(hit);
  if (first < 0) {
    if (!always || !words.length) return null;
    first = 0;
  }
  const start = Math.max(0, first - 8);
  const shown = words.slice(start, start + limit);
  const p = document.createElement("p");
  if (start > 0) p.append("… ");
  shown.forEach((word, i) => {
    if (i) p.append(" ");
    if (hit(word)) {
      const mark = document.createElement("mark");
      mark.textContent = word;
      p.append(mark);
    } else {
      p.append(word);
    }
  });
  if (start + limit < words.length) p.append(" …");
  return p;
}

function ownText(data) {
  // Pagefind's content is the title, then the record's words, then the ends of long words.
  let text = data.content.split(config.tail)[0].trim();
  const title = data.meta.title || "";
  if (text.startsWith(title)) text = text.slice(title.length).replace(/^[.\s]+/, "");
  return text;
}

function result(data, asked) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.meta.link;
  link.textContent = data.meta.title;
  const heading = document.createElement("h3");
  heading.append(link);
  const facts = document.createElement("p");
  facts.className = "mb-result-facts";
  facts.append([data.meta.body, data.meta.when, data.meta.kind].filter(Boolean).join(" · "));
  if (data.meta.draft) {
    const tag = document.createElement("strong");
    tag.className = "mb-tag";
    tag.textContent = data.meta.draft;
    facts.append(" ", tag);
  }
  item.append(heading, facts);
  const wanted = stems(asked.words);
  const decision = data.meta.decision || "";
  let shown = wanted.length && decision ? excerpt(decision, wanted) : null;
  if (shown) {
    const label = document.createElement("span");
    label.className = "mb-label";
    label.textContent = `${say("decision")}: `;
    shown.prepend(label);
  } else {
    const text = ownText(data);
    shown = excerpt(text, wanted) || excerpt(decision || text, [], 32, true);
  }
  if (shown) item.append(shown);
  return item;
}

let pending = [];
let asked = null;
let generation = 0;
let heard = { text: "", others: [] }; // the status of the search shown, for "show more"

async function showMore(focus, mine) {
  const page = pending.splice(0, config.page);
  const data = await Promise.all(page.map((r) => r.data()));
  if (mine !== generation) return 0; // a newer search replaced this one meanwhile
  const items = data.map((d) => result(d, asked));
  list.append(...items);
  more.hidden = pending.length === 0;
  if (focus && items.length) items[0].querySelector("a").focus();
  return items.length;
}

function say_status(n) {
  const shown = list.children.length;
  const count = n > shown ? ` ${say("shown", { shown, n })}` : "";
  status.textContent = [heard.text + count, ...heard.others].join(" ");
}

function choices() {
  const data = new FormData(form);
  return Object.fromEntries([...data.entries()].filter(([k]) => k !== "q"));
}

async function search() {
  const mine = ++generation;
  const query = input.value;
  const chosen = choices();
  const lang = chosen.lang || config.lang;
  list.replaceChildren();
  more.hidden = true;
  pending = [];
  asked = parse(query);
  const filtered = FILTERS.some((key) => chosen[key]);
  if (!asked.words.length && !asked.cases.length) {
    if (!query.trim() && !filtered) {
      status.textContent = "";
      return;
    }
    if (query.trim()) {
      status.textContent = say("short");
      return;
    }
  }
  let all;
  try {
    all = await load();
  } catch (error) {
    if (mine === generation) status.textContent = say("offline");
    return;
  }
  const found = Object.fromEntries(await Promise.all(
    Object.entries(all).map(async ([l, engine]) => [l, await run(engine, asked, chosen)]),
  ));
  if (mine !== generation) return; // a newer search is under way
  let shownLang = lang;
  if (!(found[lang] || []).length) {
    // none in the language asked for: show the language that has some, and say so
    shownLang = Object.keys(found).find((l) => found[l].length) || lang;
  }
  const results = found[shownLang] || [];
  const n = results.length;
  let text;
  if (shownLang !== lang) {
    text = say("switched", { asked: config.inline[lang], n, language: config.inline[shownLang] });
  } else if (!n) {
    text = query.trim() ? say("none", { q: query }) : say("none_here");
  } else if (query.trim()) {
    text = say(n === 1 ? "hit" : "hits", { n, q: query });
  } else {
    text = n === 1 ? say("count_one") : say("count", { n });
  }
  const others = Object.entries(found)
    .filter(([l, r]) => l !== shownLang && r.length)
    .map(([l, r]) => say("other_language", { n: r.length, language: config.inline[l] }));
  heard = { text, others, n };
  pending = results.slice();
  await showMore(false, mine);
  if (mine !== generation) return;
  say_status(n);
  const select = document.getElementById("mb-f-lang");
  if (select) { // the counts beside each language; the choice stays the reader's
    for (const option of select.options) {
      const count = (found[option.value] || []).length;
      option.textContent = `${config.names[option.value]} (${count})`;
    }
  }
}

more.addEventListener("click", async () => {
  await showMore(true, generation);
  say_status(heard.n);
});

function address() {
  const params = new URLSearchParams();
  if (input.value) params.set("q", input.value);
  for (const [key, value] of Object.entries(choices())) {
    if (value && !(key === "lang" && value === config.lang) && !(key === "sort" && value === "relevance")) {
      params.set(key, value);
    }
  }
  return `?${params}`;
}

// Typing replaces the address; a search asked for (Enter, a filter) is a step Back undoes.
function remember(step) {
  if (step) history.pushState(null, "", address());
  else history.replaceState(null, "", address());
}

function fromAddress() {
  // The page shows what the address asks for: a body's page sends ?body=…&lang=….
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const key of [...FILTERS, "lang", "sort"]) {
    const select = document.getElementById(`mb-f-${key}`);
    if (!select) continue;
    const value = params.get(key) || (key === "lang" ? config.lang : key === "sort" ? "relevance" : "");
    select.value = [...select.options].some((o) => o.value === value) ? value : select.options[0].value;
  }
}

fromAddress();
let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => { remember(false); search(); }, 200);
});
form.addEventListener("change", (event) => {
  if (event.target !== input) { remember(true); search(); }
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  remember(true);
  search();
});
window.addEventListener("popstate", () => { fromAddress(); search(); });
if (location.protocol === "file:") {
  status.textContent = say("offline");
} else {
  search();
}
