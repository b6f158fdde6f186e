/**
 * Hanoi time: the zone and the application's clock (HanoiTime), the display formats (DisplayDates), deadlines as
 * directives write them (DeadlineParser). Uses no other capability package.
 */
package vn.dondoc.app.time;
