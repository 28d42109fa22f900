import en from './en.json';
import houseRegisterEn from './features/houseRegister.en.json';
import houseRegisterRu from './features/houseRegister.ru.json';
import myPremisesEn from './features/myPremises.en.json';
import myPremisesRu from './features/myPremises.ru.json';
import premisesImportEn from './features/premisesImport.en.json';
import premisesImportRu from './features/premisesImport.ru.json';
import propertyEn from './features/property.en.json';
import propertyRu from './features/property.ru.json';
import registryEn from './features/registry.en.json';
import registryRu from './features/registry.ru.json';
import metersEn from './features/meters.en.json';
import metersRu from './features/meters.ru.json';
import billingEn from './features/billing.en.json';
import billingRu from './features/billing.ru.json';
import serviceRequestsEn from './features/serviceRequests.en.json';
import serviceRequestsRu from './features/serviceRequests.ru.json';
import meetingsEn from './features/meetings.en.json';
import meetingsRu from './features/meetings.ru.json';
import documentsEn from './features/documents.en.json';
import documentsRu from './features/documents.ru.json';
import ru from './ru.json';

/**
 * The translation of each language: the shared file plus one file per feature, each feature under
 * its own top-level key (`property`, `houseRegister`…), so features never edit the same file.
 */
export const ruTranslation = {
  ...ru,
  property: propertyRu,
  registry: registryRu,
  houseRegister: houseRegisterRu,
  premisesImport: premisesImportRu,
  myPremises: myPremisesRu,
  meters: metersRu,
  billing: billingRu,
  serviceRequests: serviceRequestsRu,
  meetings: meetingsRu,
  documents: documentsRu,
};

export const enTranslation = {
  ...en,
  property: propertyEn,
  registry: registryEn,
  houseRegister: houseRegisterEn,
  premisesImport: premisesImportEn,
  myPremises: myPremisesEn,
  meters: metersEn,
  billing: billingEn,
  serviceRequests: serviceRequestsEn,
  meetings: meetingsEn,
  documents: documentsEn,
};
