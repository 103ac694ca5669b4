/** The error every storage write throws for invalid input: "path: reason" pairs, nothing stored. (No zod here: read paths import it too.) */
export class ValidationError extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    this.name = 'ValidationError';
  }
}
