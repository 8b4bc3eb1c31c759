/**
 * Which questions a respondent sees, given what they answered so far: a question with a display condition shows
 * only when the question it names is itself shown and was answered with one of the condition's values. Used by the
 * public page as the person types and by the server when it checks a response, so both agree.
 */
import type { Answer, Answers, Questionnaire } from './questionnaire';

function answeredValues(answer: Answer | undefined): string[] {
  if (answer === undefined) return [];
  if (Array.isArray(answer)) return answer;
  if (typeof answer === 'number') return [String(answer)];
  if (typeof answer === 'string') return [answer];
  return [];
}

/** The ids of the questions shown, in order. */
export function visibleQuestionIds(questionnaire: Questionnaire, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of questionnaire.questions) {
    const condition = question.showIf;
    if (!condition) {
      visible.add(question.id);
      continue;
    }
    // Conditions point backwards (the schema checks it), so the referenced question's visibility is known here.
    if (!visible.has(condition.questionId)) continue;
    const values = answeredValues(answers[condition.questionId]);
    if (values.some((value) => condition.anyOf.includes(value))) visible.add(question.id);
  }
  return visible;
}
