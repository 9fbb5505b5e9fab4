// The jest project "reads on a standby": startTestApp gives every app a hot standby for its bill reads.
process.env.TEST_READS_ON_STANDBY = '1';
