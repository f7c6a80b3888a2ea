export { createEventSourceMapping } from './createEventSourceMapping.js';
export { fileOnFailureSink } from './fileOnFailureSink.js';
export { mappingUuid } from './mappingUuid.js';
export { StreamActivity } from './StreamActivity.js';
export { createSchedule, type Schedule, type ScheduleOptions } from './schedule/createSchedule.js';
export { parseScheduleExpression } from './schedule/parseScheduleExpression.js';
export type {
  EventSourceMapping,
  EventSourceMappingDeps,
  Invoke,
  MappingStats,
  OnFailureSink,
  StreamTrigger,
} from './types.js';
