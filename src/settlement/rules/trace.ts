/** One line of a settlement explanation: which rule, its Chinese name, and what it did. */
export interface Step {
  rule: string;
  zh: string;
  text: string;
}
