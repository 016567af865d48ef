// What wagtail-localize's translation editor shows in English whatever the admin's language, put in that
// language once the editor has drawn it (text the bundle shows otherwise, say a later version's, is left alone):
// - two strings its bundle writes without gettext: the heading of the segments ("French to English
//   translation") and the label of its footer menu ("More actions"), through Django's JavaScript catalogue;
// - the date in each segment's "Translated manually on 1 December 2026", which wagtail-localize writes
//   with strftime (English month names), in the admin language's long date.
document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor || !editor.dataset.props || typeof gettext !== "function") {
        return;
    }
    const props = JSON.parse(editor.dataset.props);
    const locales = { source: props.sourceLocale.displayName, target: props.locale.displayName };
    const strings = new Map([
        [
            `${locales.source} to ${locales.target} translation`,
            interpolate(gettext("%(source)s to %(target)s translation"), locales, true),
        ],
        ["More actions", gettext("More actions")],
    ]);
    const months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];
    const englishDate = new RegExp(`\\b(\\d{1,2}) (${months.join("|")}) (\\d{4})\\b`);
    const longDate = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" });

    // Text nodes are changed in place, never replaced: React keeps updating the nodes it made. Only the
    // heading, the menu's label and the segments' comments (text right inside a toolbar's <li>) are read,
    // never a segment's own text.
    const textNodes = (selector) =>
        [...editor.querySelectorAll(selector)].flatMap((element) =>
            [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE),
        );
    const translate = () => {
        for (const node of textNodes("h3, .w-sr-only")) {
            const text = strings.get(node.nodeValue);
            if (text !== undefined && text !== node.nodeValue) {
                node.nodeValue = text;
            }
        }
        for (const node of textNodes("li")) {
            const date = englishDate.exec(node.nodeValue);
            if (date) {
                const [written, day, month, year] = date;
                const local = longDate.format(new Date(Number(year), months.indexOf(month), Number(day)));
                if (local !== written) {
                    node.nodeValue = node.nodeValue.replace(written, local);
                }
            }
        }
    };
    translate();
    // The editor draws after this runs, and redraws a segment when it is saved.
    new MutationObserver(translate).observe(editor, { childList: true, subtree: true, characterData: true });
});
