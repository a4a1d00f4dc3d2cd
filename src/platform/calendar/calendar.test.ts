// The deadline calculator against a table of dates around New Year, Christmas, Army Day,
// 8 March and the spring holidays (weekdays checked against a printed 2026/2027 calendar).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALENDAR, WorkingCalendar, todayInYerevan, type DeadlineUnit } from './calendar.ts';
import { defaultDays } from './defaults.ts';
import { addDays, dayNumberOf, isRealDay, weekdayOf } from './days.ts';

// [from, days, unit, due, why]
const DUE: [string, number, DeadlineUnit, string, string][] = [
  // New Year: 31 Dec (Thu) – 2 Jan (Sat), the weekend, then Christmas 6 Jan and the memorial day 7 Jan.
  ['2026-12-29', 1, 'working', '2026-12-30', 'the day of registration does not count'],
  ['2026-12-29', 2, 'working', '2027-01-04', '31 Dec, 1–2 Jan and the weekend are skipped'],
  ['2026-12-29', 3, 'working', '2027-01-05', 'New Year then a working Tuesday'],
  ['2026-12-29', 4, 'working', '2027-01-08', 'Christmas 6 Jan and the memorial day 7 Jan are skipped'],
  ['2026-12-29', 5, 'working', '2027-01-11', 'then the weekend of 9–10 Jan'],
  ['2026-12-30', 1, 'working', '2027-01-04', 'registered on the last working day of the year'],
  ['2026-12-31', 1, 'working', '2027-01-04', 'registered on a holiday: counting starts after it'],
  ['2025-12-30', 3, 'working', '2026-01-09', '2025/26: 31 Dec Wed – 4 Jan Sun, 6–7 Jan Tue–Wed'],
  ['2026-12-29', 0, 'working', '2026-12-29', '0 working days: the day itself when it is a working day'],
  ['2026-12-31', 0, 'working', '2027-01-04', '0 working days from a holiday: the next working day'],
  ['2026-12-25', 5, 'calendar', '2026-12-30', '25 Dec + 5 = 30 Dec, a working day: it stays'],
  ['2026-12-26', 5, 'calendar', '2027-01-04', '26 Dec + 5 = 31 Dec (holiday) → Mon 4 Jan'],
  ['2026-12-27', 10, 'calendar', '2027-01-08', '27 Dec + 10 = 6 Jan (Christmas) → 7 Jan off too → Fri 8 Jan'],
  ['2026-12-02', 30, 'calendar', '2027-01-04', 'the 30-day rule ending on 1 Jan moves past New Year and the weekend'],
  // Army Day, 28 Jan.
  ['2026-01-27', 1, 'working', '2026-01-29', '28 Jan 2026 is a Wednesday off'],
  ['2026-01-26', 2, 'calendar', '2026-01-29', 'a calendar-day deadline on Army Day moves to the next day'],
  ['2027-01-27', 1, 'working', '2027-01-29', '28 Jan 2027 is a Thursday off'],
  // 8 March on a weekend (2026: Sunday) and on a weekday (2027: Monday); no transfer either way.
  ['2026-03-06', 1, 'working', '2026-03-09', '8 Mar 2026 is a Sunday: Monday 9 Mar is a working day'],
  ['2027-03-05', 1, 'working', '2027-03-09', '8 Mar 2027 is a Monday off'],
  ['2027-03-01', 7, 'calendar', '2027-03-09', 'a calendar-day deadline on 8 Mar 2027 moves to Tuesday'],
  // Spring: 24 Apr, 1 May, 9 May, 28 May.
  ['2026-04-23', 1, 'working', '2026-04-27', '24 Apr 2026 is a Friday off, then the weekend'],
  ['2026-04-20', 10, 'working', '2026-05-06', 'across 24 Apr and 1 May (both Fridays)'],
  ['2026-05-08', 1, 'working', '2026-05-11', '9 May 2026 is a Saturday: nothing moves'],
  ['2026-05-27', 1, 'working', '2026-05-29', '28 May 2026 is a Thursday off'],
  ['2026-05-18', 10, 'calendar', '2026-05-29', 'a calendar-day deadline on 28 May moves to 29 May'],
  ['2027-04-23', 1, 'working', '2027-04-26', '24 Apr 2027 is a Saturday: Monday is a working day'],
  ['2027-04-29', 30, 'calendar', '2027-05-31', '29 Apr + 30 = Sat 29 May → Mon 31 May'],
  ['2027-05-27', 1, 'working', '2027-05-31', '28 May 2027 is a Friday off, then the weekend'],
  // Summer and autumn.
  ['2026-07-03', 1, 'working', '2026-07-06', '5 Jul 2026 is a Sunday'],
  ['2026-09-18', 1, 'working', '2026-09-22', '21 Sep 2026 is a Monday off'],
  // Plain weeks and the weekend rule of calendar days.
  ['2026-11-02', 5, 'working', '2026-11-09', 'a week of working days'],
  ['2026-11-02', 5, 'calendar', '2026-11-09', 'Mon + 5 = Sat → Mon'],
  ['2026-11-02', 0, 'calendar', '2026-11-02', '0 calendar days on a working day'],
  ['2026-11-07', 0, 'calendar', '2026-11-09', '0 calendar days on a Saturday'],
];

test('deadlines around the Armenian holidays', () => {
  for (const [from, days, unit, due, why] of DUE) {
    assert.equal(DEFAULT_CALENDAR.due(from, { days, unit }), due, `${from} + ${days} ${unit}: ${why}`);
    assert.ok(DEFAULT_CALENDAR.isWorkingDay(due), `${due} is a working day`);
  }
});

test('the named functions agree with due()', () => {
  const c = DEFAULT_CALENDAR;
  assert.equal(c.addWorkingDays('2026-12-29', 3), '2027-01-05');
  assert.equal(c.addCalendarDays('2026-12-26', 5), '2027-01-04');
  assert.equal(c.nextWorkingDay('2027-01-01'), '2027-01-04');
  assert.equal(c.nextWorkingDay('2027-01-05'), '2027-01-05');
  for (const day of ['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-06', '2027-01-07', '2027-01-28', '2027-03-08', '2026-04-24', '2026-05-01', '2027-05-28', '2027-07-05', '2026-09-21']) {
    assert.equal(c.isWorkingDay(day), false, `${day} is a day off`);
  }
  for (const day of ['2026-12-30', '2027-01-04', '2027-01-08', '2026-05-11', '2026-03-09']) assert.equal(c.isWorkingDay(day), true, `${day} is a working day`);
  assert.throws(() => c.addWorkingDays('2026-12-29', -1), RangeError);
  assert.throws(() => c.addCalendarDays('2026-12-29', 1.5), RangeError);
  assert.throws(() => c.isWorkingDay('2026-02-30'), TypeError);
});

test('workingDaysBetween counts the days after a up to and including b', () => {
  const c = DEFAULT_CALENDAR;
  const cases: [string, string, number][] = [
    ['2026-12-29', '2026-12-29', 0],
    ['2026-12-30', '2026-12-29', 0],
    ['2026-12-29', '2026-12-30', 1],
    ['2026-12-29', '2027-01-04', 2],
    ['2026-12-29', '2027-01-11', 5],
    ['2026-12-31', '2027-01-08', 3],
    ['2026-04-20', '2026-05-06', 10],
    ['2026-11-01', '2026-11-30', 21],
  ];
  for (const [a, b, n] of cases) assert.equal(c.workingDaysBetween(a, b), n, `${a} → ${b}`);
  // The inverse of addWorkingDays, all year round.
  for (let from = '2026-12-01'; from < '2027-02-01'; from = addDays(from, 1)) {
    for (const n of [1, 3, 10]) assert.equal(c.workingDaysBetween(from, c.addWorkingDays(from, n)), n, `${from} + ${n}`);
  }
});

test('an edited year: a Saturday made a working day, a one-off day off, a removed memorial day', () => {
  // The government moves a day: Saturday 9 Jan 2027 is worked so that Friday 8 Jan is off.
  const edited = new WorkingCalendar([
    ...defaultDays(2027).filter((d) => d.day !== '2027-01-07'),
    { day: '2027-01-08', working: false, name_hy: 'Տեղափոխված հանգստյան օր', name_en: 'Moved day off', name_ru: 'Перенесённый выходной' },
    { day: '2027-01-09', working: true, name_hy: 'Աշխատանքային շաբաթ', name_en: 'Working Saturday', name_ru: 'Рабочая суббота' },
  ]);
  assert.equal(weekdayOf('2027-01-09'), 6);
  assert.equal(DEFAULT_CALENDAR.due('2026-12-29', { days: 4, unit: 'working' }), '2027-01-08');
  assert.equal(edited.due('2026-12-29', { days: 4, unit: 'working' }), '2027-01-07', '7 Jan is a working day in the edited year');
  assert.equal(edited.due('2026-12-29', { days: 5, unit: 'working' }), '2027-01-09', 'the working Saturday counts');
  assert.equal(edited.addCalendarDays('2027-01-02', 6), '2027-01-09', 'a calendar deadline may end on the working Saturday');
  assert.equal(edited.workingDaysBetween('2027-01-04', '2027-01-11'), 4, '5, 7, 9 and 11 Jan');
  assert.equal(edited.isEdited(2027), true);
  assert.equal(edited.isEdited(2026), false);
  // 2026 keeps the defaults: 31 Dec 2026 is still off.
  assert.equal(edited.isWorkingDay('2026-12-31'), false);
  assert.equal(edited.dayInfo('2027-01-09')?.name_en, 'Working Saturday');
  assert.equal(edited.daysOf(2027).length, defaultDays(2027).length + 1);
});

test('the defaults list every non-working day of DOMAIN.md with names in three languages', () => {
  const days = defaultDays(2026).map((d) => d.day.slice(5));
  assert.deepEqual(days, ['01-01', '01-02', '01-06', '01-07', '01-28', '03-08', '04-24', '05-01', '05-09', '05-28', '07-05', '09-21', '12-31']);
  for (const d of defaultDays(2026)) {
    assert.equal(d.working, false);
    assert.ok(d.name_hy && d.name_en && d.name_ru, d.day);
    assert.match(d.name_hy, /[\u0531-\u058F]/, `${d.day} is named in Armenian`);
  }
});

test('days are real calendar days, counted in UTC', () => {
  assert.equal(isRealDay('2028-02-29'), true);
  for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026-01-01T00:00', '', '0000-01-01']) {
    assert.equal(isRealDay(bad), false, bad);
  }
  assert.equal(dayNumberOf('1970-01-01'), 0);
  assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'no daylight-saving surprises');
  assert.equal(addDays('0099-12-31', 1), '0100-01-01', 'two-digit years are not 19xx');
  assert.equal(todayInYerevan(new Date('2026-12-31T20:30:00Z')), '2027-01-01', 'Yerevan is UTC+4');
  assert.equal(todayInYerevan(new Date('2026-12-31T19:59:00Z')), '2026-12-31');
});
