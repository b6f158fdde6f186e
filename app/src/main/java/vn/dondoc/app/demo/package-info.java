/**
 * Demo data for the demo profile: agencies' tasks, feedback, initiatives and their progress, and the demo users.
 * May use (capability-dependencies.txt, the layers of docs/ARCHITECTURE.md): camunda, directives, evidence,
 * extensions, feedback, initiatives, sla, tasks, time.
 */
package vn.dondoc.app.demo;
