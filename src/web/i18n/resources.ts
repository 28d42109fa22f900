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
};

export const enTranslation = {
  ...en,
  property: propertyEn,
  registry: registryEn,
  houseRegister: houseRegisterEn,
  premisesImport: premisesImportEn,
  myPremises: myPremisesEn,
};
