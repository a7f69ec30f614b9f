// The connection to the server (docs/decisions/0100): while Blazor reconnects, a message in the page's
// language; when the server no longer knows this page's circuit (it restarted), the page reloads itself
// into the same address, and the answer form restores what was typed (drafts.js). When the server cannot
// be reached at all, it waits for it and reloads as soon as it answers.
(() => {
  const modal = document.getElementById('components-reconnect-modal');
  if (!modal) {
    return;
  }

  let waiting = null;
  const show = state => {
    modal.dataset.state = state;
    modal.hidden = false;
  };
  const reloadWhenServerAnswers = () => {
    if (waiting) {
      return;
    }

    waiting = setInterval(async () => {
      try {
        const response = await fetch('health/live', { cache: 'no-store' });
        if (response.ok) {
          clearInterval(waiting);
          location.reload();
        }
      } catch { /* still unreachable */ }
    }, 3000);
  };

  modal.addEventListener('components-reconnect-state-changed', event => {
    const state = event.detail.state;
    if (state === 'hide') {
      modal.hidden = true;
    } else if (state === 'rejected' || state === 'resume-failed') {
      show('reloading');
      location.reload();
    } else if (state === 'failed') {
      show('failed');
      reloadWhenServerAnswers();
    } else if (state === 'paused') {
      show('show');
      window.Blazor?.resumeCircuit?.();
    } else {
      show('show');
    }
  });
})();
