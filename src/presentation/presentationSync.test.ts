import { afterEach, describe, expect, it } from "vitest";
import { CHANNEL_NAME, openStepChannel, parseStepMessage, type StepChannel } from "./presentationSync.ts";

describe("parseStepMessage", () => {
  it("accepts a well-formed step message (extra fields dropped)", () => {
    expect(parseStepMessage({ type: "step", id: "alaska" })).toEqual({ type: "step", id: "alaska" });
    expect(parseStepMessage({ type: "step", id: "week-2", extra: 1 })).toEqual({ type: "step", id: "week-2" });
  });
  it.each([
    ["null", null],
    ["a string", "step alaska"],
    ["a number", 3],
    ["an array", ["step", "alaska"]],
    ["another type", { type: "goto", id: "alaska" }],
    ["no id", { type: "step" }],
    ["a numeric id", { type: "step", id: 3 }],
    ["an empty id", { type: "step", id: "" }],
    ["markup", { type: "step", id: "<img src=x onerror=alert(1)>" }],
    ["a URL", { type: "step", id: "javascript:alert(1)" }],
    ["capitals", { type: "step", id: "Alaska" }],
    ["a huge id", { type: "step", id: "a".repeat(65) }],
  ])("ignores %s", (_label, data) => {
    expect(parseStepMessage(data)).toBeNull();
  });
});

describe("openStepChannel", () => {
  const open: (StepChannel | BroadcastChannel)[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });

  it("delivers valid steps between windows and ignores malformed messages", async () => {
    const received: string[] = [];
    const presenter = openStepChannel((id) => received.push(id));
    const audience = openStepChannel(() => {});
    const stranger = new BroadcastChannel(CHANNEL_NAME);
    open.push(presenter, audience, stranger);
    stranger.postMessage({ type: "step", id: "<b>" });
    stranger.postMessage("alaska");
    audience.post("alaska");
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual(["alaska"]);
  });

  it("does not echo a window's own messages back to it", async () => {
    const received: string[] = [];
    const self = openStepChannel((id) => received.push(id));
    open.push(self);
    self.post("forces");
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([]);
  });

  it("answers a presenter window's hello with the audience's step, and ignores a malformed hello", async () => {
    const presenterGot: string[] = [];
    let audienceStep = "week";
    const audience: StepChannel = openStepChannel(
      () => {},
      () => audience.post(audienceStep),
    );
    const presenter = openStepChannel((id) => presenterGot.push(id));
    open.push(audience, presenter);
    presenter.hello();
    await new Promise((r) => setTimeout(r, 50));
    expect(presenterGot).toEqual(["week"]);
    audienceStep = "forces";
    const stranger = new BroadcastChannel(CHANNEL_NAME);
    open.push(stranger);
    stranger.postMessage({ type: "hello!" });
    await new Promise((r) => setTimeout(r, 50));
    expect(presenterGot).toEqual(["week"]);
  });
});
