/** One failing rule of one input field; FieldErrors shows each with its localised message. */
export interface PolicyIssue {
  field: string;
  code: string;
}
