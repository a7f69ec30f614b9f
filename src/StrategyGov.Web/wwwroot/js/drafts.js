// What a user types in an answer form is kept in this tab's session storage as they type, in the
// browser, so that it survives what the server cannot help: a restart, a lost connection, a sign-out in
// another tab. The form restores it when the page comes back and clears it once it is saved
// (docs/decisions/0100). An input takes part by carrying data-draft="KEY".
(() => {
  const prefix = 'sg-draft:';
  const store = window.sessionStorage;

  document.addEventListener('input', event => {
    const key = event.target && event.target.dataset ? event.target.dataset.draft : undefined;
    if (key) {
      try { store.setItem(prefix + key, event.target.value); } catch { /* storage full or disabled: nothing to keep */ }
    }
  }, true);

  window.sgDrafts = {
    // Every kept text whose key starts with scope, as { key: text }.
    all(scope) {
      const found = {};
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key && key.startsWith(prefix + scope)) {
          found[key.substring(prefix.length)] = store.getItem(key);
        }
      }
      return found;
    },
    // Forgets a kept text once it is saved, unless the user has typed something newer since.
    clearIf(key, saved) {
      const kept = store.getItem(prefix + key);
      if (kept !== null && (saved === null || kept.trim() === saved.trim())) {
        store.removeItem(prefix + key);
      }
    },
    // The same for a number: "١٢٫٥" kept and 12.5 saved are the same number.
    clearIfNumber(key, saved) {
      const kept = store.getItem(prefix + key);
      if (kept === null) {
        return;
      }

      const normalize = text => Number(text
        .replace(/[\u0660-\u0669]/g, d => String(d.charCodeAt(0) - 0x0660))
        .replace(/[\u06F0-\u06F9]/g, d => String(d.charCodeAt(0) - 0x06F0))
        .replace(/\u066B/g, '.').replace(/[\u066C,\s%\u066A\u200E\u200F\u061C]/g, ''));
      if (kept.trim() === '' ? saved === null : normalize(kept) === Number(saved)) {
        store.removeItem(prefix + key);
      }
    },
    clear(key) { store.removeItem(prefix + key); },
  };
})();
