/**
 * Joins the class names that are set. It does not merge: when two classes set the same property
 * the stylesheet's order decides, not their order here. So a component never takes a class that
 * fights one of its own; what a caller may change (size, tone, full screen) is a prop or variant.
 */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ')
}
