/**
 * Rendered answers kept until the data they were built from changes (its revision moves).
 * The same question is asked again and again between two imports; answering it again costs
 * more than the rest of the update's handling.
 */
export interface AnswerCache {
  get(key: string, build: () => string): string;
}

export function createAnswerCache(revision: () => number, limit = 1000): AnswerCache {
  let builtAt = Number.NaN;
  const answers = new Map<string, string>();
  return {
    get(key, build) {
      const now = revision();
      if (now !== builtAt) {
        answers.clear();
        builtAt = now;
      }
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = build();
        if (answers.size >= limit) answers.clear();
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
