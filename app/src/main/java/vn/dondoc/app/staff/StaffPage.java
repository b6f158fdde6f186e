package vn.dondoc.app.staff;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of pages for signed-in staff: {@link StaffPageModel} gives each of its views what
 * the staff layout (templates/staff/layout.html) needs: {@code caller}, {@code nav}, {@code lang},
 * {@code otherLangUrl}, {@code errors}. The controller sets {@code page} (the page's id, for the menu).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaffPage {

  /**
   * True for the few pages every signed-in person may open (the inbox, the engine's refusal); the others are
   * for staff and experts, and a citizen or innovator is told where their own pages are.
   */
  boolean everyoneSignedIn() default false;
}
