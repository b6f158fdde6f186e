-- Why an answer letter could not be made, as a reason the operations page says in words (vn.dondoc.app.feedback.
-- AnswerLetters.Failure: AGENCY, SIGNER, DRAWING, STORING, OTHER); last_error keeps the technical text for the log.
alter table feedback_answer_letter add column last_failure varchar(16);
