import { StreamActivity } from '../src/eventSources/StreamActivity.js';

/** Subscribes a listener that writes its name to `heard` each time it is called. */
const listen = (
  activity: StreamActivity,
  heard: string[],
  kind: 'kinesis' | 'dynamodb',
  stream: string,
  name: string,
) => activity.subscribe(kind, stream, () => heard.push(name));

describe('StreamActivity', () => {
  it('calls the listeners of the announced stream only', () => {
    // Prepare
    const activity = new StreamActivity();
    const heard: string[] = [];
    listen(activity, heard, 'kinesis', 'raw-events', 'raw A');
    listen(activity, heard, 'kinesis', 'raw-events', 'raw B');
    listen(activity, heard, 'kinesis', 'enriched-events', 'enriched');
    listen(activity, heard, 'dynamodb', 'raw-events', 'table named like the stream');

    // Act
    activity.notify('kinesis', 'raw-events');

    // Assess
    expect(heard).toStrictEqual(['raw A', 'raw B']);
  });

  it('calls every listener of one kind when no stream is named', () => {
    // Prepare
    const activity = new StreamActivity();
    const heard: string[] = [];
    const tableArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/sessions/stream/2026-12-06T15:17:05.000';
    listen(activity, heard, 'dynamodb', tableArn, 'sessions');
    listen(activity, heard, 'dynamodb', `${tableArn}-other`, 'other table');
    listen(activity, heard, 'kinesis', 'raw-events', 'kinesis');

    // Act
    activity.notify('dynamodb');

    // Assess
    expect(heard).toStrictEqual(['sessions', 'other table']);
  });

  it('calls nobody for a stream without listeners', () => {
    // Prepare
    const activity = new StreamActivity();
    const heard: string[] = [];
    listen(activity, heard, 'kinesis', 'raw-events', 'raw');

    // Act
    activity.notify('kinesis', 'unknown-stream');
    activity.notify('dynamodb');

    // Assess
    expect(heard).toStrictEqual([]);
  });

  it('stops calling a listener once unsubscribed, and keeps calling the others', () => {
    // Prepare
    const activity = new StreamActivity();
    const heard: string[] = [];
    const unsubscribe = listen(activity, heard, 'kinesis', 'raw-events', 'leaving');
    listen(activity, heard, 'kinesis', 'raw-events', 'staying');
    activity.notify('kinesis', 'raw-events');

    // Act
    unsubscribe();
    activity.notify('kinesis', 'raw-events');
    activity.notify('kinesis');

    // Assess
    expect(heard).toStrictEqual(['leaving', 'staying', 'staying', 'staying']);
  });
});
