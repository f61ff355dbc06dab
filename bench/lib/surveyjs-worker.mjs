/**
 * Worker for the untimed correctness check: scores a slice of the assessments with one reused survey-core
 * model and posts the totals back. The assessments are regenerated from the seed (deterministic), which is
 * cheaper than copying them across threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Model } from 'survey-core';
import { buildAssessments, buildSet } from './synthetic.mjs';
import { readTotals, surveyJson, toSurveyData } from './surveyjs.mjs';

const { seed, count, start, end, deadline } = workerData;
const set = buildSet();
const assessments = buildAssessments(set, count, seed);
const model = new Model(surveyJson(set));
const totals = [];
for (let i = start; i < end && Date.now() < deadline; i++) {
  model.data = toSurveyData(set, assessments[i]);
  totals.push(readTotals(model));
}
parentPort.postMessage({ start, totals });
