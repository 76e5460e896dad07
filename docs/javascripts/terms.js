/* Glossary terms in the text (see site.css): without this file a term's definition shows on hover and keyboard
   focus. This adds what CSS cannot do: Escape closes an open definition without moving the pointer or the focus,
   and on a touch screen the first tap on a term shows its definition and a second tap follows the link. */
(() => {
  let tapped = null;
  const close = () => {
    if (tapped) tapped.classList.remove("term--open");
    tapped = null;
  };
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".term:hover, .term:focus-within, .term--open").forEach((term) => {
      term.classList.add("term--dismissed");
    });
    close();
  });
  // A dismissed definition may show again once the reader has left the term.
  const reset = (event) => {
    const term = event.target.closest && event.target.closest(".term");
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("term--dismissed");
  };
  document.addEventListener("mouseout", reset);
  document.addEventListener("focusout", reset);
  document.addEventListener("click", (event) => {
    const word = event.target.closest && event.target.closest(".term__word");
    const term = word && word.closest(".term");
    if (term && event.pointerType === "touch" && term !== tapped) {
      event.preventDefault();
      close();
      term.classList.remove("term--dismissed");
      term.classList.add("term--open");
      tapped = term;
    } else if (!term || term !== tapped) {
      close();
    }
  });
})();
