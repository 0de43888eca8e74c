/** One broken rule, named by the field a person would correct. */
export interface FieldError {
  path: string;
  message: string;
}

export const fieldError = (path: string, message: string): FieldError => ({ path, message });
