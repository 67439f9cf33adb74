// Search every meeting with Pagefind: one bundle per language (<folder>/<lang>/), each with
// its own stemming, searched together. Result text is put in the page as text, never HTML.
const config = JSON.parse(document.getElementById("mb-search-config").textContent);
const input = document.getElementById("mb-q");
const status = document.getElementById("mb-status");
const list = document.getElementById("mb-results");
const say = (key, values) => config.labels[key].replace(/\{(\w+)\}/g, (_, k) => values[k]);

let engines = null;
async function load() {
  if (!engines) {
    engines = await Promise.all(config.languages.map(async (lang) => {
      const pagefind = await import(`./${config.folder}/${lang}/pagefind.js`);
      await pagefind.options({ baseUrl: "/" });
      await pagefind.init();
      return pagefind;
    }));
  }
  return engines;
}

function plain(html) {
  // An inert template: nothing in it runs or loads, and its spaces are kept.
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content.textContent;
}

function excerpt(html) {
  // Pagefind marks the hits with <mark>; everything else becomes plain text.
  const p = document.createElement("p");
  html.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const hit = part.startsWith("<mark>");
    const text = plain(hit ? part.slice(6, -7) : part);
    if (hit) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      p.append(mark);
    } else {
      p.append(text);
    }
  });
  return p;
}

async function search(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  let found;
  try {
    const results = await Promise.all((await load()).map((pagefind) => pagefind.search(query)));
    found = results.flatMap((r) => r.results).sort((a, b) => b.score - a.score).slice(0, 50);
  } catch (error) {
    status.textContent = config.labels.offline;
    return;
  }
  const pages = await Promise.all(found.map((result) => result.data()));
  for (const page of pages) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = page.url.replace(/^\//, "");
    link.textContent = page.meta.title || page.url;
    item.append(link, excerpt(page.excerpt));
    list.append(item);
  }
  status.textContent = pages.length
    ? say(pages.length === 1 ? "hit" : "hits", { n: pages.length, q: query })
    : say("none", { q: query });
}

const query = new URLSearchParams(location.search).get("q") || "";
input.value = query;
let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
    search(input.value);
  }, 200);
});
input.form.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
  search(input.value);
});
if (location.protocol === "file:") {
  status.textContent = config.labels.offline;
} else {
  search(query);
}
