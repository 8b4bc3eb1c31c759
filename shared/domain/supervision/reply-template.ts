/** A reusable reply text (答复模板) of the organisation; the handler edits it before sending. */
export interface ReplyTemplate {
  id: string;
  title: string;
  text: string;
  createdBy: string;
}
