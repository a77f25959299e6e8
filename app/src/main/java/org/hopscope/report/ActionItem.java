package org.hopscope.report;

/**
 * One action item from the incident note's {@code ## Action items} section, e.g. {@code - [ ] Alert
 * on ERP adapter pool saturation (owner: alice, ticket: OPS-1234)}.
 *
 * @param what the action, Markdown inline text
 * @param owner who does it, or "" when not given
 * @param ticket the tracking ticket, or "" when not given
 * @param done ticked ({@code - [x]})
 */
public record ActionItem(String what, String owner, String ticket, boolean done) {}
