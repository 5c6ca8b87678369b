import { expect } from "vitest";
import { SubsidyError } from "../../src/errors.js";

/** The SubsidyError a call throws (fails the test if it returns or throws something else). */
export function caught(fn: () => unknown): SubsidyError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SubsidyError);
    return e as SubsidyError;
  }
  throw new Error("expected a SubsidyError, got a result");
}
