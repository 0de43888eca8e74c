const { dropTestDatabase } = require('./test-database');

module.exports = async () => {
  await dropTestDatabase(globalThis.__LIAISON_TEST_DB__);
};
