package vn.dondoc.app.tasks;

import vn.dondoc.app.cases.CodedValue;

/** Where a task is in its lifecycle; timeliness is a separate, computed dimension ({@link Timeliness}). */
public enum TaskStatus implements CodedValue {
  ASSIGNED,
  IN_PROGRESS,
  COMPLETION_SUBMITTED,
  COMPLETED,
  WITHDRAWN;

  @Override
  public String code() {
    return name();
  }

  public boolean isOpen() {
    return this != COMPLETED && this != WITHDRAWN;
  }
}
