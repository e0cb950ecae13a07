// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { isDialogOpen, isPrintShortcut, keyToAction, targetKind, type KeyContext } from "./presentationKeys.ts";

const page: KeyContext = { target: "other", dialogOpen: false };

describe("keyToAction", () => {
  it.each([
    ["ArrowRight", "next"],
    ["ArrowDown", "next"],
    ["PageDown", "next"],
    [" ", "next"],
    ["ArrowLeft", "prev"],
    ["ArrowUp", "prev"],
    ["PageUp", "prev"],
    ["Home", "first"],
    ["End", "last"],
    ["f", "fullscreen"],
    ["F", "fullscreen"],
    ["p", "presenter"],
    ["P", "presenter"],
  ] as const)("%j → %s", (key, action) => {
    expect(keyToAction({ key }, page)).toBe(action);
  });

  it("Shift+Space goes back", () => {
    expect(keyToAction({ key: " ", shiftKey: true }, page)).toBe("prev");
  });

  it("ignores other keys and every key with Ctrl, Alt or Meta (browser shortcuts)", () => {
    for (const key of ["Enter", "Escape", "Tab", "a", "1"]) expect(keyToAction({ key }, page)).toBeNull();
    expect(keyToAction({ key: "ArrowLeft", altKey: true }, page)).toBeNull();
    expect(keyToAction({ key: "End", ctrlKey: true }, page)).toBeNull();
    expect(keyToAction({ key: "p", metaKey: true }, page)).toBeNull();
  });

  it("steals nothing from a control of the graphic or an open dialog", () => {
    for (const key of ["ArrowRight", "ArrowLeft", " ", "Home", "End", "f", "p"]) {
      expect(keyToAction({ key }, { target: "control", dialogOpen: false })).toBeNull();
      expect(keyToAction({ key }, { target: "other", dialogOpen: true })).toBeNull();
    }
  });

  it("leaves Space to a focused button (it activates it) but takes the arrows", () => {
    const button: KeyContext = { target: "activatable", dialogOpen: false };
    expect(keyToAction({ key: " " }, button)).toBeNull();
    expect(keyToAction({ key: " ", shiftKey: true }, button)).toBeNull();
    expect(keyToAction({ key: "ArrowRight" }, button)).toBe("next");
  });
});

describe("targetKind", () => {
  const make = (html: string, selector: string) => {
    document.body.innerHTML = html;
    return document.querySelector(selector);
  };

  it("classifies form controls, the map and widgets as controls", () => {
    expect(targetKind(make("<input type=radio>", "input"))).toBe("control");
    expect(targetKind(make("<select><option>a</option></select>", "select"))).toBe("control");
    expect(targetKind(make("<textarea></textarea>", "textarea"))).toBe("control");
    expect(targetKind(make("<div contenteditable=true><b>x</b></div>", "b"))).toBe("control");
    expect(targetKind(make('<div class="exit-map"><canvas tabindex=0></canvas></div>', "canvas"))).toBe("control");
    expect(targetKind(make('<div class="exit-map"><div class="inner"></div></div>', ".inner"))).toBe("control");
    expect(targetKind(make('<div role="slider" tabindex=0></div>', "div"))).toBe("control");
  });

  it("classifies buttons, links and summaries as activatable", () => {
    expect(targetKind(make("<button><span>Next</span></button>", "span"))).toBe("activatable");
    expect(targetKind(make('<a href="#x">x</a>', "a"))).toBe("activatable");
    expect(targetKind(make("<details><summary>More</summary></details>", "summary"))).toBe("activatable");
    expect(targetKind(make('<svg><g role="button" tabindex="0"></g></svg>', "g"))).toBe("activatable");
  });

  it("classifies the page, text and nothing as other", () => {
    expect(targetKind(document.body)).toBe("other");
    expect(targetKind(make("<h2>Title</h2>", "h2"))).toBe("other");
    expect(targetKind(null)).toBe("other");
    expect(targetKind(window)).toBe("other");
  });
});

describe("isDialogOpen", () => {
  it("is true only while a dialog is open", () => {
    document.body.innerHTML = "<dialog></dialog>";
    expect(isDialogOpen(document)).toBe(false);
    document.querySelector("dialog")!.setAttribute("open", "");
    expect(isDialogOpen(document)).toBe(true);
  });
});

describe("isPrintShortcut", () => {
  it("is Ctrl+P or Cmd+P, and nothing else", () => {
    expect(isPrintShortcut({ key: "p", ctrlKey: true })).toBe(true);
    expect(isPrintShortcut({ key: "p", metaKey: true })).toBe(true);
    expect(isPrintShortcut({ key: "P", ctrlKey: true })).toBe(true); // Caps Lock
    expect(isPrintShortcut({ key: "p" })).toBe(false); // the presenter view
    expect(isPrintShortcut({ key: "P", ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isPrintShortcut({ key: "p", ctrlKey: true, altKey: true })).toBe(false);
    expect(isPrintShortcut({ key: "o", ctrlKey: true })).toBe(false);
  });
});
